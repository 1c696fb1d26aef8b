"""Full-text search in any script: documents ingested in their legacy encodings (EUC-KR,
CP1251, UTF-16, GB18030) are found by Korean, Russian, Arabic and Chinese words, on SQLite
and on PostgreSQL, through the two-character path and the trigram index alike."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from armstrace.store import open_store
from armstrace.store.search import search_documents

REPORTS = {
    "korean.txt": (
        "국가정보원은 북한이 러시아에 포탄 수백만 발을 보냈다고 밝혔다.\n",
        "euc-kr",
    ),
    "russian.txt": (
        "Северная Корея передала России артиллерийские снаряды, сообщила разведка.\n",
        "cp1251",
    ),
    "arabic.txt": ("أفادت التقارير بأن إيران أرسلت صواريخ إلى حزب الله عبر سوريا.\n", "utf-16"),
    "chinese.txt": ("据报道，朝鲜通过铁路向俄罗斯运送了炮弹。\n", "gb18030"),
    "english.txt": (
        "North Korea shipped artillery shells to Russia by rail, officials said.\n",
        "ascii",
    ),
}


QUERIES = {
    "북한": {"korean"},  # two characters: the pair path
    "북한이": {"korean"},  # three or more: the trigram index
    "러시아": {"korean"},
    "снаряды": {"russian"},
    "СНАРЯДЫ": {"russian"},  # case folded beyond ASCII
    "Северная Корея": {"russian"},
    "حزب الله": {"arabic"},
    "朝鲜": {"chinese"},
    "俄罗斯运送": {"chinese"},
    "artillery": {"english"},
    "ARTILLERY": {"english"},
    "Pyongyang": set(),
}
"""Query → the reports it must find (file names without extension)."""


def test_search_finds_words_in_any_script_after_ingest(
    store_url: str, tmp_path: Path, run_cli: Callable[..., CompletedProcess[str]]
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, (text, encoding) in REPORTS.items():
        (folder / name).write_bytes(text.encode(encoding))
    done = run_cli("ingest", str(folder), "--db", store_url)
    assert done.returncode == 0, done.stderr

    found, totals = {}, {}
    with open_store(store_url) as store:
        for query in QUERIES:
            page = search_documents(store, query)
            found[query] = {hit.stem for hit in page.hits}
            totals[query] = page.total
            for hit in page.hits:
                assert query.casefold() in hit.snippet.casefold(), (query, hit.snippet)
    assert found == QUERIES
    assert totals == {query: len(stems) for query, stems in QUERIES.items()}
