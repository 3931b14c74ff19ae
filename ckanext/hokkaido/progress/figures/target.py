"""The plan's target (how many municipalities adopted by when) and where a count stands
against it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    count: int = 179
    deadline: datetime.date = datetime.date(2026, 3, 31)  # 令和7年度末

    def status(self, adopted: int, today: datetime.date) -> dict:
        """Reached or not; once the deadline has passed unreached, by how many it was
        missed; before it, how many remain and how many days are left."""
        reached = adopted >= self.count
        passed = today > self.deadline
        return {
            "count": self.count,
            "date": self.deadline.isoformat(),
            "reached": reached,
            "deadline_passed": passed,
            "missed_by": self.count - adopted if passed and not reached else 0,
            "remaining": max(self.count - adopted, 0),
            "days_left": max((self.deadline - today).days, 0),
        }
