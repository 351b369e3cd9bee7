"""Config discovery, loading, validation and rule selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from figcheck.config import Config, clear_cache, config_for, find_config, load_config
from figcheck.errors import ConfigError
from figcheck.model import Severity


@pytest.fixture(autouse=True)
def _fresh_cache():
    clear_cache()
    yield
    clear_cache()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- selection ---------------------------------------------------------------------------------

def test_defaults_enable_every_rule_and_fail_on_warning():
    config = Config()
    assert config.enabled("FC101")
    assert config.enabled("FC999")
    assert config.fail_on is Severity.WARNING
    assert config.max_bytes == 5_000_000
    assert config.timeout == 10.0


def test_select_by_prefix_and_extend_select():
    config = Config(select=("FC1",), extend_select=("FC202",))
    assert config.enabled("FC101")
    assert config.enabled("FC202")
    assert not config.enabled("FC201")
    assert not config.enabled("FC301")


def test_ignore_wins_when_at_least_as_specific():
    assert not Config(select=("FC1",), ignore=("FC101",)).enabled("FC101")
    assert Config(select=("FC1",), ignore=("FC101",)).enabled("FC102")
    assert not Config(select=("FC1",), ignore=("FC1",)).enabled("FC101")  # a tie: ignore wins
    # A more specific select beats a broader ignore, as in ruff.
    assert Config(select=("FC101",), ignore=("FC1",)).enabled("FC101")
    assert not Config(select=("FC101",), ignore=("FC1",)).enabled("FC102")


def test_per_file_ignores_match_relative_to_the_config_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = Config(
        path=tmp_path / "site" / "figcheck.toml",
        per_file_ignores={"opinion/**": ("FC3",), "*.txt": ("FC101",)},
    )
    article = tmp_path / "site" / "opinion" / "2024" / "column.md"
    assert not config.enabled("FC301", str(article))
    assert not config.enabled("FC301", "site/opinion/2024/column.md")  # relative to the cwd
    assert config.enabled("FC201", str(article))
    assert config.enabled("FC301", str(tmp_path / "site" / "news" / "a.md"))
    assert config.enabled("FC301")  # no path: per-file-ignores do not apply


def test_per_file_ignores_also_match_the_basename():
    config = Config(per_file_ignores={"*.txt": ("FC101",)})
    assert not config.enabled("FC101", "deep/folder/wire.txt")
    assert config.enabled("FC101", "deep/folder/wire.md")


def test_severity_for_longest_prefix_wins():
    config = Config(severity={"FC1": Severity.INFO, "FC101": Severity.ERROR})
    assert config.severity_for("FC101", Severity.WARNING) is Severity.ERROR
    assert config.severity_for("FC102", Severity.WARNING) is Severity.INFO
    assert config.severity_for("FC201", Severity.WARNING) is Severity.WARNING


def test_excluded_matches_files_and_their_folders(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = Config(path=tmp_path / "figcheck.toml", exclude=("archive", "drafts/**", "*.tmp.md"))
    assert config.excluded("archive/2020/old.md")
    assert config.excluded(str(tmp_path / "archive" / "old.md"))
    assert config.excluded("drafts/x.md")
    assert config.excluded("news/a.tmp.md")
    assert not config.excluded("news/archive.md")
    assert not config.excluded("news/a.md")


# -- discovery ---------------------------------------------------------------------------------

def test_find_config_walks_up_and_skips_pyproject_without_table(tmp_path):
    top = write(tmp_path / "figcheck.toml", "select = ['FC1']\n")
    write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")
    article = write(tmp_path / "a" / "b" / "story.md", "text")
    assert find_config(article) == top
    assert find_config(article.parent) == top


def test_find_config_takes_the_closest_and_pyproject_with_table(tmp_path):
    write(tmp_path / "figcheck.toml", "")
    inner = write(tmp_path / "a" / "pyproject.toml", "[tool.figcheck]\nselect = ['FC2']\n")
    assert find_config(tmp_path / "a" / "story.md") == inner


def test_find_config_prefers_figcheck_toml_in_one_folder(tmp_path):
    first = write(tmp_path / "figcheck.toml", "")
    write(tmp_path / ".figcheck.toml", "")
    write(tmp_path / "pyproject.toml", "[tool.figcheck]\n")
    assert find_config(tmp_path) == first
    first.unlink()
    assert find_config(tmp_path) == tmp_path / ".figcheck.toml"


def test_find_config_none_when_nothing_found(tmp_path):
    assert find_config(tmp_path / "x" / "story.md") is None


def test_config_for_defaults_and_cache(tmp_path):
    assert config_for(tmp_path / "story.md") == Config()
    config_file = write(tmp_path / "sub" / ".figcheck.toml", "ignore = ['FC202']\n")
    first = config_for(tmp_path / "sub" / "a.md")
    assert first.path == config_file
    assert first.ignore == ("FC202",)
    assert config_for(tmp_path / "sub" / "b.md") is first  # one folder, one lookup


# -- loading -----------------------------------------------------------------------------------

FULL = """
select = ["FC1", "FC2"]
extend-select = ["FC301"]
ignore = ["FC202"]
exclude = ["archive/**"]
fail-on = "error"
max-bytes = 1000
timeout = 2.5

[severity]
FC101 = "info"
FC2 = "ERROR"

[per-file-ignores]
"opinion/**" = ["FC3"]

[tolerance]
about = 0.1
rounding = 1
"""


def test_load_config_reads_every_key(tmp_path):
    config = load_config(write(tmp_path / "figcheck.toml", FULL))
    assert config.select == ("FC1", "FC2")
    assert config.extend_select == ("FC301",)
    assert config.ignore == ("FC202",)
    assert config.exclude == ("archive/**",)
    assert config.fail_on is Severity.ERROR
    assert config.max_bytes == 1000
    assert config.timeout == 2.5
    assert dict(config.severity) == {"FC101": Severity.INFO, "FC2": Severity.ERROR}
    assert dict(config.per_file_ignores) == {"opinion/**": ("FC3",)}
    assert dict(config.tolerance) == {"about": 0.1, "rounding": 1.0}
    assert config.path == tmp_path / "figcheck.toml"


def test_load_config_reads_tool_figcheck_from_pyproject(tmp_path):
    config = load_config(write(tmp_path / "pyproject.toml", "[tool.figcheck]\nfail-on = 'never'\n"))
    assert config.fail_on is None
    assert config.select == ("FC",)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "figcheck.toml",
            "[severity]\nFC101 = 'fatal'\n",
            "figcheck.toml: severity.FC101: unknown severity 'fatal' (use info, warning or error)",
        ),
        (
            "pyproject.toml",
            "[tool.figcheck]\nselect = 'FC1'\n",
            "pyproject.toml: tool.figcheck.select: expected a list of strings, got a string",
        ),
        ("figcheck.toml", "selct = ['FC1']\n", "figcheck.toml: selct: unknown key (did you mean 'select'?)"),
        ("figcheck.toml", "colour = 'red'\n", "figcheck.toml: colour: unknown key"),
        (
            "figcheck.toml",
            "ignore = ['E501']\n",
            "figcheck.toml: ignore: 'E501' is not a rule code or prefix (like FC101 or FC1)",
        ),
        (
            "figcheck.toml",
            "ignore = ['FC1011']\n",
            "figcheck.toml: ignore: 'FC1011' is not a rule code or prefix (like FC101 or FC1)",
        ),
        (
            "figcheck.toml",
            "fail-on = 'sometimes'\n",
            "figcheck.toml: fail-on: unknown level 'sometimes' (use info, warning, error or never)",
        ),
        ("figcheck.toml", "max-bytes = 0\n", "figcheck.toml: max-bytes: expected a number above 0, got 0"),
        ("figcheck.toml", "max-bytes = 1.5\n", "figcheck.toml: max-bytes: expected a whole number, got a number"),
        ("figcheck.toml", "timeout = true\n", "figcheck.toml: timeout: expected a number, got a boolean"),
        (
            "figcheck.toml",
            "[tolerance]\nabout = 'ten'\n",
            "figcheck.toml: tolerance.about: expected a number, got a string",
        ),
        (
            "figcheck.toml",
            "[per-file-ignores]\n'*.md' = ['X1']\n",
            "figcheck.toml: per-file-ignores.*.md: 'X1' is not a rule code or prefix (like FC101 or FC1)",
        ),
        ("figcheck.toml", "severity = 'info'\n", "figcheck.toml: severity: expected a table, got a string"),
    ],
)
def test_bad_values_name_the_file_and_key(tmp_path, monkeypatch, name, text, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path / name, text))
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_invalid_toml_is_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=r"^pyproject\.toml: invalid TOML: ") as caught:
        load_config(write(tmp_path / "pyproject.toml", "[tool.figcheck\nselect = [\n"))
    assert "\n" not in str(caught.value)


def test_broken_pyproject_met_while_searching_is_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml", "[tool.figcheck\n")
    with pytest.raises(ConfigError, match=r"^pyproject\.toml: invalid TOML"):
        config_for(tmp_path / "story.md")


def test_pyproject_without_table_given_directly_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=r"^pyproject\.toml: no \[tool\.figcheck\] table$"):
        load_config(write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n"))


def test_missing_file_is_a_config_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=r"^nope\.toml: no such file$"):
        load_config(tmp_path / "nope.toml")


# -- command-line overrides ----------------------------------------------------------------------

def test_merged_applies_given_values_and_skips_none():
    base = Config(select=("FC1",), timeout=3.0)
    merged = base.merged(select=["FC2"], ignore=None, fail_on="never", timeout=None, max_bytes=10)
    assert merged.cli_select == ("FC2",) and not merged.enabled("FC101") and merged.enabled("FC201")
    assert merged.fail_on is None
    assert merged.timeout == 3.0
    assert merged.max_bytes == 10
    assert base.select == ("FC1",)  # the original is untouched


def test_merged_checks_values_like_the_file():
    assert Config().merged(severity={"FC1": "error"}).severity_for("FC101", Severity.INFO) is Severity.ERROR
    assert Config().merged(fail_on=Severity.INFO).fail_on is Severity.INFO
    with pytest.raises(ConfigError, match=r"^command line: select: 'E1' is not a rule code"):
        Config().merged(select=["E1"])
    with pytest.raises(ConfigError, match=r"^command line: unknown setting 'colour'$"):
        Config().merged(colour="red")
