"""Which files the package holds; everything else about it is in pyproject.toml.

The migrations live at the top of the repository (`migrations/`, Alembic's home, where
`alembic check` and hand-made revisions find them) and ship inside the package as `bot/_migrations`,
so that an installed wheel can run `committee-bot migrate`. pyproject.toml alone cannot say
both "find bot's packages" and "map one more package to another folder"; this can.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["bot", "bot.*"]), "bot._migrations", "bot._migrations.versions"],
    package_dir={"bot._migrations": "migrations"},
    package_data={"bot": ["py.typed"], "bot._migrations": ["script.py.mako"]},
)
