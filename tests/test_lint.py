"""The code is linted, the chapter notebooks included (ruff reads .ipynb); settings in pyproject.toml."""

import subprocess

from conftest import BIN, ROOT


def test_ruff_vindt_niets_in_de_code_en_de_notebooks():
    result = subprocess.run([str(BIN / "ruff"), "check", "--output-format", "concise", str(ROOT)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
