"""`alloy scoring show|history|set|activate`: the generator's config from the command line."""

import orjson

from alloy_api.scoring.models import ScoringConfigVersion
from tests.cli.support import OPERATOR, audit_events, invoke, json_output, query


def active_version(settings) -> int:
    async def work() -> int:
        return (await ScoringConfigVersion.get(is_active=True)).version

    return query(settings, work)


def test_show_set_history_and_activate(settings, tmp_path) -> None:
    missing = invoke(settings, "scoring", "show")
    assert missing.exit_code == 1
    assert "No scoring config exists yet; run `alloy seed`" in missing.stderr
    assert invoke(settings, "seed").exit_code == 0

    shown = json_output(invoke(settings, "scoring", "show", "--json"))
    assert (shown["version"], shown["is_active"], shown["author"]) == (1, True, "system")
    text = invoke(settings, "scoring", "show")
    assert text.stdout.startswith("version 1 (active), by system at ")
    cells = [[cell.strip() for cell in line.split("│")[1:-1]] for line in text.stdout.splitlines()]
    assert ["main", "3", "5", "3", "8"] in cells
    assert ["pattern_alignment", "3"] in cells

    edited = tmp_path / "config.json"
    shown["weights"]["pattern_alignment"] = 4.5
    edited.write_bytes(orjson.dumps(shown))
    published = invoke(settings, "scoring", "set", str(edited))
    assert published.exit_code == 0, published.output
    assert "published scoring config version 2" in published.stdout
    assert (
        json_output(invoke(settings, "scoring", "show", "--json"))["weights"]["pattern_alignment"]
        == 4.5
    )

    same = invoke(settings, "scoring", "set", str(edited))
    assert same.exit_code == 1
    assert same.stderr.startswith("nothing to do: ")

    history = json_output(invoke(settings, "scoring", "history", "--json"))["versions"]
    assert [(item["version"], item["is_active"]) for item in history] == [(2, True), (1, False)]
    assert [item["author"] for item in history] == [OPERATOR, "system"]

    activated = invoke(settings, "scoring", "activate", "1")
    assert activated.exit_code == 0, activated.output
    assert active_version(settings) == 1
    again = invoke(settings, "scoring", "activate", "1")
    assert again.exit_code == 1 and again.stderr.startswith("nothing to do: version 1")
    unknown = invoke(settings, "scoring", "activate", "9")
    assert unknown.exit_code == 1
    assert "No scoring config has version 9" in unknown.stderr
    assert active_version(settings) == 1

    scoring_events = [
        (event.action, event.actor, event.details)
        for event in audit_events(settings)
        if event.target_type == "scoring_config"
    ]
    assert scoring_events == [
        ("library_seeded", OPERATOR, {"version": 1}),
        ("scoring_config_published", OPERATOR, {"version": 2}),
        ("scoring_config_activated", OPERATOR, {"version": 1, "previous_version": 2}),
    ]


def test_an_invalid_file_names_each_problem_and_changes_nothing(settings, tmp_path) -> None:
    invoke(settings, "seed")
    broken = tmp_path / "broken.json"
    shown = json_output(invoke(settings, "scoring", "show", "--json"))
    shown["weights"]["pattern_alignment"] = 11
    del shown["set_rep_ranges"]["main"]
    broken.write_bytes(orjson.dumps(shown))
    result = invoke(settings, "scoring", "set", str(broken))
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "weights.pattern_alignment: Input should be less than or equal to 10" in result.stderr
    assert "set_rep_ranges.main: Field required" in result.stderr
    unreadable = invoke(settings, "scoring", "set", str(tmp_path / "absent.json"))
    assert unreadable.exit_code == 1 and "cannot read" in unreadable.stderr
    assert active_version(settings) == 1
