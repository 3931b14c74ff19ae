# The two README commands and their helpers; tools/stack.py does the work.
PYTHON ?= python3

.PHONY: run test start stop status lint

run:    ## install what is missing, start services, seed, serve http://127.0.0.1:5000
	$(PYTHON) tools/stack.py run

test:   ## install what is missing, start services, run the whole test suite
	$(PYTHON) tools/stack.py test $(ARGS)

start:  ## start PostgreSQL, Redis and Solr only
	$(PYTHON) tools/stack.py start

stop:   ## stop the worker, Solr, Redis and PostgreSQL
	$(PYTHON) tools/stack.py stop

status: ## what is running, and where its log is
	$(PYTHON) tools/stack.py status

lint:
	.venv/bin/ruff check ckanext tests tools benchmarks
