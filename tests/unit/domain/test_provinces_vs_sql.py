"""Provinces and states: one place reads as one name whatever an export wrote, in Python and SQL alike."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain.provinces import CN_NAMES, STATE_NAMES, city_name, province_name

RULES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COUNTRIES = st.sampled_from(["CN", "US", "CA", "AU", "GB", "", None])
WRITTEN = (st.sampled_from(sorted(CN_NAMES)).map(lambda name: f" {name} ")
           | st.sampled_from(sorted(s for _, s in STATE_NAMES)).flatmap(
               lambda s: st.sampled_from([s, s.upper(), s.title(), f"  {s}"]))
           | st.text(alphabet=st.sampled_from("aWA浙江省市 'é\t\u3000\u00a0"), max_size=6) | st.none())


def test_the_spellings_exports_write_are_one_province() -> None:
    assert {province_name("CN", n) for n in ("浙江省", "浙江", " 浙江 ", "浙江省\u3000")} == {"浙江"}
    assert {province_name("CN", n) for n in ("上海市", "上海")} == {"上海"}
    assert {province_name(None, n) for n in ("内蒙古自治区", "内蒙古")} == {"内蒙古"}
    assert {province_name("CN", n) for n in ("广西壮族自治区", "广西自治区", "广西")} == {"广西"}
    assert {province_name("US", n) for n in ("CA", "ca", "California", "CALIFORNIA")} == {"California"}
    assert province_name("CA", "ON") == province_name("CA", "ontario") == "Ontario"
    assert province_name("CA", "Québec") == province_name("CA", "QC") == "Quebec"
    # A code means a state only in its own country; what it does not know stays as written, never nothing.
    assert (province_name("AU", "WA"), province_name("US", "WA"), province_name("GB", "WA")) == (
        "Western Australia", "Washington", "WA")
    assert (province_name("US", "Calif."), province_name("US", " "), province_name("US", None)) == ("Calif.", None, None)
    # 海南藏族自治州 is a prefecture of Qinghai, not the province 海南
    assert province_name("CN", "海南藏族自治州") == "海南藏族自治州"


@RULES
@given(country=COUNTRIES, value=WRITTEN)
def test_sql_agrees_with_python(db: Database, country: str | None, value: str | None) -> None:
    assert db.scalar("SELECT sk_province(?, ?)", [country, value]) == province_name(country, value)


def test_a_chinese_city_is_one_with_or_without_its_shi() -> None:
    assert {city_name("CN", n) for n in ("杭州市", "杭州", " 杭州市 ")} == {"杭州"}
    assert {city_name("CN", n) for n in ("上海市", "上海")} == {"上海"}
    # one character before 市 is a name of its own; elsewhere a city stays as written
    assert (city_name("CN", "沙市"), city_name("US", "Kansas City"), city_name("CN", " "), city_name("CN", None)) == (
        "沙市", "Kansas City", None, None)


@RULES
@given(country=COUNTRIES, value=st.text(alphabet=st.sampled_from("杭州市沙 aB\t\u3000\u00a0"), max_size=5) | st.none())
def test_sql_agrees_with_python_on_cities(db: Database, country: str | None, value: str | None) -> None:
    assert db.scalar("SELECT sk_city(?, ?)", [country, value]) == city_name(country, value)
