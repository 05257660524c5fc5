"""`hecha search`, `hecha search --batch`, `hecha dict` and the search half of `hecha reindex`."""

from __future__ import annotations

import io
import json

from test_search import PAGES, write_pages

from hecha import store


def imported(cli, tmp_path):
    code, _, _ = cli("import", str(write_pages(tmp_path / "pages", PAGES)))
    assert code == 0


def test_search_prints_titles_and_snippets(cli, tmp_path):
    imported(cli, tmp_path)
    code, out, err = cli("search", "码头")
    assert code == 0 and "港口吞吐量稳步回升" in out and "码头扩建" in out and not err


def test_search_json_is_best_first_with_marks_inside_the_snippet(cli, tmp_path):
    imported(cli, tmp_path)
    code, out, _ = cli("search", "新能源汽车", "--json", "--limit", "1")
    (hit,) = json.loads(out)
    assert (
        code == 0 and hit["title"] == "新能源汽车产销两旺" and set(hit) == {"id", "title", "snippet", "marks", "score"}
    )
    assert all(hit["snippet"][s:e] in ("新能源", "汽车") for s, e in hit["marks"]) and hit["marks"]


def test_search_default_limit_is_twenty(cli, tmp_path):
    pages = {f"p{n:02}.txt": f"第{n}篇报道\n\n今天市场平稳运行。" for n in range(25)}
    cli("import", str(write_pages(tmp_path / "many", pages)))
    _, out, _ = cli("search", "市场", "--json")
    assert len(json.loads(out)) == 20


def test_bad_query_is_one_line_and_no_traceback(cli, tmp_path):
    imported(cli, tmp_path)
    code, _out, err = cli("search", "kind:gold")
    assert code == 1 and err.count("\n") == 1 and "unknown kind" in err and "Traceback" not in err
    code, _, err = cli("search", '"')
    assert code == 1 and "nothing to search" in err
    code, _, err = cli("search", "x", "--limit", "0")
    assert code == 2 and "--limit" in err


def test_batch_reads_json_lines_and_writes_hits_per_line(cli, tmp_path, monkeypatch):
    imported(cli, tmp_path)
    lines = [{"id": "q1", "query": "新能源汽车"}, {"id": 7, "query": "kind:gold"}, {"id": "q3", "query": "增长"}]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"))
    code, out, _ = cli("search", "--batch", "--limit", "2")
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [a["id"] for a in answers] == ["q1", 7, "q3"]
    assert len(answers[0]["hits"]) == 2 and isinstance(answers[0]["ms"], float)
    assert answers[1]["hits"] == [] and "error" in answers[1]
    assert len(answers[2]["hits"]) == 2


def test_batch_answers_a_bad_line_with_an_error_and_goes_on(cli, tmp_path, monkeypatch):
    imported(cli, tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO('not json\n{"id": "q2", "query": "增长"}\n'))
    code, out, err = cli("search", "--batch")
    answers = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and "stdin line 1" in err
    assert answers[0]["id"] is None and "error" in answers[0]
    assert answers[1]["id"] == "q2" and answers[1]["hits"]


def test_scores_are_never_rounded_away(cli, tmp_path):
    imported(cli, tmp_path)
    hits = json.loads(cli("search", "增长", "--json")[1])
    assert hits and all(hit["score"] != 0 for hit in hits)


def test_dict_add_list_and_resegment(cli, tmp_path, user_dictionary):
    pages = {"a.txt": "园区动态\n\n今年经开组团引进项目十个。", "b.txt": "周末出游\n\n组团去经开转了一圈。"}
    cli("import", str(write_pages(tmp_path / "p", pages)))
    assert len(json.loads(cli("search", "经开组团", "--json")[1])) == 2
    code, out, _ = cli("dict", "add", "经开组团", "红谷滩区")
    assert code == 0 and "Added 2 words" in out and "Re-segmented 2 articles" in out
    code, out, _ = cli("dict", "list")
    assert out.splitlines()[:2] == ["经开组团", "红谷滩区"] and str(user_dictionary) in out.replace("\n", "")
    assert [h["title"] for h in json.loads(cli("search", "经开组团", "--json")[1])] == ["园区动态"]
    code, _, err = cli("dict", "add", "两 个")
    assert code == 2 and "no spaces" in err


def test_reindex_rebuilds_the_search_index_too(cli, tmp_path, db_path):
    imported(cli, tmp_path)
    code, out, _ = cli("reindex", "--all")
    assert code == 0 and "Indexed 4 articles for search" in out
    db = store.open_db(db_path)
    assert store.search_pending(db) == 0


def test_dictionary_lives_in_the_config_dir_chosen(monkeypatch, tmp_path):
    from hecha.store.userdict import dict_path

    monkeypatch.delenv("HECHA_DICT", raising=False)
    monkeypatch.setenv("HECHA_CONFIG_DIR", str(tmp_path / "cfg"))
    assert dict_path() == tmp_path / "cfg" / "userdict.txt"
