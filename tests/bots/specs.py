"""Validators built from the official platform descriptions in ../shared/specs (LINE OpenAPI, Telegram api.json)."""

import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPECS = Path(__file__).resolve().parents[3] / "shared" / "specs"
_in_dispatch: set[tuple[int, str]] = set()


def _discriminator(validator: Any, discriminator: dict, instance: Any, _schema: dict) -> Iterator[ValidationError]:
    """OpenAPI's discriminator: validate the object against the schema its type names (LINE events, messages)."""
    if not isinstance(instance, dict):
        return
    value = instance.get(discriminator["propertyName"])
    target = discriminator.get("mapping", {}).get(value)
    if target is None:
        yield ValidationError(f"{discriminator['propertyName']}={value!r} is not one the specification knows")
        return
    key = (id(instance), target)
    if key in _in_dispatch:  # the subtype's allOf refers back to its base: do not dispatch again
        return
    _in_dispatch.add(key)
    try:
        yield from validator.descend(instance, {"$ref": target})
    finally:
        _in_dispatch.discard(key)


_OpenAPIValidator = validators.extend(Draft202012Validator, {"discriminator": _discriminator})


class _YamlLoader(yaml.SafeLoader):
    """YAML without timestamp conversion, so the document stays plain JSON data."""


_YamlLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@functools.cache
def _openapi(name: str) -> tuple[dict, Registry]:
    document = yaml.load((SPECS / "line" / name).read_text(encoding="utf-8"), Loader=_YamlLoader)
    uri = f"urn:line:{name}"
    return document, Registry().with_resource(uri, Resource.from_contents(document, default_specification=DRAFT202012))


def _line_errors(name: str, schema_name: str, instance: Any) -> list[str]:
    _document, registry = _openapi(name)
    validator = _OpenAPIValidator({"$ref": f"urn:line:{name}#/components/schemas/{schema_name}"}, registry=registry)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


def line_webhook_errors(body: dict) -> list[str]:
    """What in a webhook body breaks webhook.yml's CallbackRequest (with each event checked by its type)."""
    return _line_errors("webhook.yml", "CallbackRequest", body)


def line_operation(method: str, path: str) -> dict | None:
    """The messaging-api.yml operation for a request, path parameters matched."""
    document, _registry = _openapi("messaging-api.yml")
    for template, operations in document["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path) and method.lower() in operations:
            return operations[method.lower()]
    return None


def line_request_errors(method: str, path: str, body: bytes) -> list[str]:
    """What in a request to the LINE API breaks the request schema of its operation."""
    operation = line_operation(method, path)
    if operation is None:
        return [f"{method} {path} is not an operation of the Messaging API"]
    schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return []
    try:
        instance = json.loads(body)
    except ValueError:
        return [f"{method} {path}: body is not JSON"]
    return _line_errors("messaging-api.yml", schema["$ref"].rsplit("/", 1)[1], instance)


@functools.cache
def _telegram() -> dict:
    return json.loads((SPECS / "telegram" / "api.json").read_text(encoding="utf-8"))


def telegram_type_errors(type_names: list[str], value: Any, where: str = "") -> list[str]:
    """What in a value fits none of the Telegram types given (as api.json writes them)."""
    results = [_one_type_errors(name, value, where) for name in type_names]
    return [] if any(not r for r in results) else results[0]


def _one_type_errors(name: str, value: Any, where: str) -> list[str]:
    if name.startswith("Array of "):
        if not isinstance(value, list):
            return [f"{where}: expected {name}"]
        return [e for i, item in enumerate(value) for e in telegram_type_errors([name[9:]], item, f"{where}[{i}]")]
    scalars = {"Integer": int, "String": str, "Boolean": bool, "True": bool, "Float": (int, float)}
    if name in scalars:
        ok = isinstance(value, scalars[name]) and not (name in ("Integer", "Float") and isinstance(value, bool))
        return [] if ok else [f"{where}: expected {name}, got {value!r}"]
    if name == "InputFile":
        return []
    spec = _telegram()["types"].get(name)
    if spec is None:
        return [f"{where}: unknown type {name}"]
    if "subtypes" in spec:
        return telegram_type_errors(spec["subtypes"], value, where)
    return telegram_fields_errors(spec.get("fields", []), value, f"{where}.{name}" if where else name)


def telegram_fields_errors(fields: list[dict], value: Any, where: str) -> list[str]:
    """Required fields present, no unknown fields, each field of one of its types."""
    if not isinstance(value, dict):
        return [f"{where}: expected an object"]
    known = {f["name"]: f for f in fields}
    errors = [f"{where}: unknown field {k!r}" for k in value if k not in known]
    errors += [f"{where}: missing {f['name']!r}" for f in fields if f["required"] and f["name"] not in value]
    for key, item in value.items():
        if key in known:
            errors += telegram_type_errors(known[key]["types"], item, f"{where}.{key}")
    return errors


def telegram_update_errors(update: dict) -> list[str]:
    return telegram_type_errors(["Update"], update)


def telegram_method_errors(method: str, params: dict) -> list[str]:
    """The method exists, its required fields are present, and it has no field the method does not know."""
    spec = _telegram()["methods"].get(method)
    if spec is None:
        return [f"{method} is not a Bot API method"]
    return telegram_fields_errors(spec.get("fields", []), params, method)


def telegram_method_spec(method: str) -> dict | None:
    return _telegram()["methods"].get(method)
