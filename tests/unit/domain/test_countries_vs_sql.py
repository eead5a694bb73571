"""Countries: one country reads as one code whatever name an export wrote, in Python and SQL alike."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain.countries import NAMES, country_code

RULES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WRITTEN = st.sampled_from(sorted(NAMES)).flatmap(
    lambda name: st.sampled_from([name, name.upper(), name.title(), f"  {name} ", name.replace("'", "\u2019")]))


def test_the_names_exports_write_are_one_country() -> None:
    # Shopify writes a code, Etsy a name, a Taobao buyer 中国; a hand-typed name in any case.
    assert {country_code(n) for n in ("US", "us", "United States", "USA", "美国", " united states ")} == {"US"}
    assert {country_code(n) for n in ("GB", "United Kingdom", "UK", "England")} == {"GB"}
    assert {country_code(n) for n in ("CN", "China", "中国", "中国大陆")} == {"CN"}
    assert {country_code(n) for n in ("HK", "Hong Kong", "香港")} == {"HK"}
    assert country_code("Côte d’Ivoire") == country_code("Ivory Coast") == "CI"
    # What it does not know it keeps as written; nothing becomes no country.
    assert (country_code("Narnia"), country_code("zz"), country_code("  "), country_code(None)) == ("Narnia", "ZZ", None, None)
    assert all(len(code) == 2 and code.isupper() for code in NAMES.values())


@RULES
@given(value=WRITTEN | st.text(alphabet=st.sampled_from("aUs国 ’'.-"), max_size=8) | st.none())
def test_sql_agrees_with_python(db: Database, value: str | None) -> None:
    assert db.scalar("SELECT sk_country(?)", [value]) == country_code(value)
