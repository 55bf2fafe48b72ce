"""Records the builder API makes without validating again (``Record.from_checked``).

Each builder checks its arguments itself and makes its record with ``from_checked``: the
record must be the one pydantic's validation makes of the same values — same fields, same
order, same types, same ``model_fields_set`` and private attributes — and a mistake must still
be a ModelError at the user's line, with the message it always had.
"""

from __future__ import annotations

import enum
import sys
from typing import Any

import pytest
from pydantic import BaseModel, PrivateAttr, field_validator

from archdoc import ModelError, Workspace
from archdoc.model.checked import checked_constructor
from archdoc.model.elements import Element
from archdoc.model.records import EventLink, Record, Relationship

HERE = __file__


def here() -> int:
    return sys._getframe(1).f_lineno


class Name(str):
    """A str subclass, as a model might pass (a wrapped or enumerated name)."""


class Interaction(str, enum.Enum):
    SYNC = "sync"
    ASYNC = "async"


class Port(enum.IntEnum):
    HTTPS = 443


class Ratio(float):
    pass


def validated(record: BaseModel) -> BaseModel:
    """The same record made by pydantic's validation of its values."""
    values = {name: getattr(record, name) for name in type(record).model_fields}
    twin = type(record)(**values)
    for name, value in (record.__pydantic_private__ or {}).items():
        setattr(twin, name, value)
    return twin


def assert_same_as_validated(record: BaseModel) -> None:
    twin = validated(record)
    assert list(record.__dict__) == list(twin.__dict__)  # the order model_dump follows
    assert record.__dict__ == twin.__dict__
    assert [type(v) for v in record.__dict__.values()] == [type(v) for v in twin.__dict__.values()]
    assert record.model_fields_set == twin.model_fields_set
    assert record.__pydantic_private__ == twin.__pydantic_private__
    assert record.__pydantic_extra__ == twin.__pydantic_extra__ is None
    assert record.model_dump_json() == twin.model_dump_json()


def build_one_of_each() -> Workspace:
    ws = Workspace("W")
    person = ws.person("Customer", "Buys", tags=["vip"], properties={"tier": 1})
    shop = ws.system("Shop", "Sells", owner="team-shop", group="Retail/Online")
    stripe = ws.system("Stripe", external=True)
    api = shop.container("Order API", "Orders", technology="Python", tags=["critical"])
    db = shop.database("Orders DB", owner=api, properties={"engine": "pg", "ha": True})
    bus = shop.queue("Bus", technology="Kafka", id="events")
    api.component("Checkout", "Endpoints", technology="FastAPI")
    person.uses(api, "Orders", technology="HTTPS", operation="POST /orders",
                criticality="critical", tags=["edge"], properties={"port": 443, "ratio": 0.5})
    api.uses(db, access="readwrite")
    api.uses(stripe, interaction="async", access="read")
    api.uses(stripe)  # a second relationship of the pair: ~2
    api.publishes("order.created", "After checkout", via=bus)
    api.subscribes("order.paid")
    ws.environment("Prod").node("Cluster").uses("prod.other", "Replicates")
    return ws


def test_every_builder_record_is_the_record_validation_makes() -> None:
    ws = build_one_of_each()
    records: list[BaseModel] = [*ws.elements.values(), *ws.relationships]
    records += [
        link for event in ws.events.values() for link in (*event.producers, *event.consumers)
    ]
    kinds = {type(r).__name__ for r in records}
    assert kinds >= {"Person", "SoftwareSystem", "Container", "Database", "Queue", "Component",
                     "Relationship", "EventLink"}
    for record in records:
        assert_same_as_validated(record)
    assert ws.relationships[3].id == "shop.order-api->stripe~2"


def test_elements_know_their_workspace_and_records_their_fields_set() -> None:
    ws = build_one_of_each()
    api = ws.elements["shop.order-api"]
    assert api.workspace is ws
    assert api.model_fields_set == set(type(api).model_fields)
    api.description = "Changed"  # a field set later is still in the fields set
    assert api.description == "Changed" and "description" in api.model_fields_set
    copy = api.model_copy(update={"technology": "Go"})
    assert (copy.technology, api.technology) == ("Go", "Python")


def test_subclasses_of_str_int_float_become_what_validation_makes_of_them() -> None:
    ws = Workspace("W")
    shop = ws.system(Name("Shop"), Name("Sells"), tags=[Name("core")],
                     properties={Name("port"): Port.HTTPS, "ratio": Ratio(0.5), "up": True})
    api = shop.container("API", technology=Name("Go"), owner=Name("team-a"))
    rel = api.uses(Name("shop"), Name("Calls"), interaction=Interaction.ASYNC,  # type: ignore[arg-type]
                   criticality=Name("high"), access=Name("read"), operation=Name("GET /"))  # type: ignore[arg-type]
    link = api.publishes(Name("e"), Name("Why"), via=Name("shop"))
    for record in (shop, api, rel, link):
        assert_same_as_validated(record)
        for value in record.__dict__.values():
            assert type(value) in (str, bool, list, dict, type(None)) or value is record.location
    assert rel.interaction == "async" and type(rel.interaction) is str
    assert shop.properties == {"port": 443, "ratio": 0.5, "up": True}
    assert [type(v) for v in shop.properties.values()] == [int, float, bool]


FAST_PATH_MISTAKES: list[tuple[str, Any, str]] = [
    (
        "container-description",
        lambda s: s.container("A", 3),
        "container(): description must be a string, not int",
    ),
    (
        "container-technology",
        lambda s: s.container("A", technology=5),
        "container(): technology must be a string, not int",
    ),
    (
        "uses-technology",
        lambda s: s.uses("x", technology=["REST"]),
        "s.uses(): technology must be a string, not list",
    ),
    (
        "uses-operation",
        lambda s: s.uses("x", operation=b"GET"),
        "s.uses(): operation must be a string, not bytes",
    ),
    (
        "uses-interaction-case",
        lambda s: s.uses("x", interaction="Sync"),
        "s.uses(): interaction='Sync' is not one of 'sync', 'async'",
    ),
    (
        "uses-interaction-unhashable",
        lambda s: s.uses("x", interaction=["sync"]),
        "interaction=['sync'] is not one of",
    ),
    (
        "uses-criticality-int",
        lambda s: s.uses("x", criticality=1),
        "s.uses(): criticality=1 is not one of 'critical', 'high', 'medium', 'low'",
    ),
    (
        "uses-access",
        lambda s: s.uses("x", access="rw"),
        "s.uses(): access='rw' is not one of 'read', 'write', 'readwrite'",
    ),
    ("uses-tags", lambda s: s.uses("x", tags=("a", 1)), "s.uses(): tags must be a list of strings"),
    ("name-bytes", lambda s: s.container(b"A"), "container(): name must be a string, not bytes"),
    (
        "group-part",
        lambda s: s.container("A", group="A//B"),
        "container(): group 'A//B' has an empty part",
    ),
]


@pytest.mark.parametrize(("case", "call", "message"), FAST_PATH_MISTAKES,
                         ids=[c[0] for c in FAST_PATH_MISTAKES])
def test_a_mistake_is_still_a_model_error_at_the_users_line(
    case: str, call: Any, message: str
) -> None:
    ws = Workspace("W")
    system = ws.system("S")
    with pytest.raises(ModelError) as info:
        call(system)
    assert message in info.value.message
    assert info.value.location is not None
    # The user's line: the lambda's, where the call into archdoc is written.
    assert (info.value.location.file, info.value.location.line) == (
        HERE,
        call.__code__.co_firstlineno,
    )
    assert info.value.hint


def test_the_first_mistake_of_a_call_is_the_one_reported() -> None:
    ws = Workspace("W")
    system = ws.system("S")
    with pytest.raises(ModelError, match="interaction='rpc'"):
        system.uses(42, 7, interaction="rpc")  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="description must be a string"):
        system.uses(42, 7)  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="destination must be an element"):
        system.uses(42)  # type: ignore[arg-type]


def test_from_checked_takes_every_field_and_nothing_else() -> None:
    with pytest.raises(TypeError, match="missing"):
        Relationship.from_checked(id="a->b", source_id="a", destination_id="b")
    fields = {name: getattr(Relationship(id="a->b", source_id="a", destination_id="b"), name)
              for name in Relationship.model_fields}
    assert Relationship.from_checked(**fields) == Relationship(**fields)
    with pytest.raises(TypeError, match="unexpected keyword"):
        Relationship.from_checked(**fields, colour="red")
    with pytest.raises(TypeError):
        EventLink.from_checked(location=None, element_id="a", reason="", via_id=None, _workspace=1)


def test_a_record_that_validates_or_defaults_itself_cannot_skip_validation() -> None:
    class Checked(Record):
        name: str

        @field_validator("name")
        @classmethod
        def _upper(cls, value: str) -> str:
            return value.upper()

    class Listing(Record):
        _items: list[str] = PrivateAttr(default_factory=list)

    for cls, reason in ((Checked, "has validators"), (Listing, "has a mutable default for _items")):
        with pytest.raises(TypeError, match=reason):
            cls.from_checked(location=None)
    assert isinstance(checked_constructor(Element)(location=None, id="x", name="X", kind="person",
                                                   description="", technology="", parent_id=None,
                                                   external=False, owner="", data_owner_id=None,
                                                   tags=[], properties={}, group=""), Element)
