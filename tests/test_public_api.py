"""The public surface: what `import figcheck` offers, and that it works."""

import figcheck


def test_all_is_exactly_the_public_names():
    public = {n for n in dir(figcheck) if not n.startswith("_") and n not in ("annotations",)}
    modules = {n for n in public if type(getattr(figcheck, n)).__name__ == "module"}
    assert set(figcheck.__all__) - {"__version__"} == public - modules


def test_check_text_and_extract_figures():
    findings = figcheck.check_text("Of the 520 students who sat the exam, 388 passed and 142 failed.")
    assert [f.code for f in findings] == ["FC101"]
    assert findings[0].severity is figcheck.Severity.ERROR
    assert [f.text for f in figcheck.extract_figures("About 120 drones.")] == ["About 120"]
