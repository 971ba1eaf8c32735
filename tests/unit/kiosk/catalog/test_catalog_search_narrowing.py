"""Search-as-you-type narrows each keystroke to the last one's matches: same hits as a fresh search, always."""

import random

import pytest

from kiosk.catalog.catalog import Catalog
from kiosk.catalog.generate import generate

TYPED = ["sfz", "shenfenzheng", "身份证补领", "gjj tiqu", "公积金提取", "户口迁移", "hukou", "hkqy", "营业执照变更",
         "yyzz", "退休养老金", "社保卡", "shebaoka", "我想办理结婚登记", "低保申请", "dibao", "驾驶证换领", "jsz",
         "不动产登记", "budongchan", "残疾人证", "重新申领", "zhongxin", "chongxin", "行医执业", "银行", "C1"]


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    return Catalog.load(generate(tmp_path_factory.mktemp("county") / "c", 5000, seed=1))


def _sequences(rnd: random.Random) -> list[list[str]]:
    """Typing each query letter by letter, with backspaces, edits in the middle and a switch to another query."""
    out = []
    for q in TYPED:
        steps = [q[:n] for n in range(1, len(q) + 1)]
        steps += [q[:n] for n in range(len(q) - 1, 0, -1)]  # backspace to one letter
        cut = rnd.randrange(len(q))
        edited = q[:cut] + rnd.choice("abcdefghijklmnopqrstuvwxyz身份证户口") + q[cut + 1:]
        steps += [edited, q[:cut] + q[cut + 1:], q, q + " " + rnd.choice(TYPED)[:3], rnd.choice(TYPED)]
        out.append(steps)
    return out


def test_a_session_answers_every_keystroke_like_a_fresh_search(county):
    for steps in _sequences(random.Random(20)):
        session = county.search_session()
        for text in steps:
            assert session.update(text) == county.search(text), text


def test_one_session_across_many_queries_matches_fresh_searches(county):
    # the session's memory spans queries: a word typed earlier may narrow a later one
    session = county.search_session()
    for steps in _sequences(random.Random(7)):
        for text in steps:
            assert session.update(text, 10) == county.search(text, 10), text


def test_words_looked_up_among_the_others_matches_answer_like_words_looked_up_whole(county):
    # a query of several words finds one word in the whole catalog and the others only among its items
    from kiosk.catalog.textkeys import tokens

    index = county.built.index
    rnd = random.Random(3)
    queries = [f"{a[:rnd.randint(1, len(a))]} {b[:rnd.randint(1, len(b))]}" for a in TYPED for b in rnd.sample(TYPED, 4)]
    queries += [f"{a} {b} {c}" for a, b, c in zip(TYPED, TYPED[1:], TYPED[2:])]
    for q in queries:
        toks = tokens(q)
        whole = {t.text: index._where(t, {}) for t in toks}
        for limit in (5, 20):
            expected = index.rank(index._strict(toks, limit, dict(whole))[0], limit)
            assert index.rank(index._strict(toks, limit, {})[0], limit) == expected, q
