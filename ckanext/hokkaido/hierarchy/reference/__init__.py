"""Reference data of Hokkaido's local governments (codes, names, kana, romaji,
subprefectures). Imports nothing from CKAN."""
