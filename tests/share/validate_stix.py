#!/usr/bin/env python3
"""Validates STIX 2.1 objects against the official OASIS JSON schemas, offline.

Usage: validate_stix.py SCHEMAS_DIR FILE
  SCHEMAS_DIR  a checkout of oasis-open/cti-stix2-json-schemas (its schemas/ folder is read)
  FILE         a STIX bundle, a JSON array of STIX objects, or one object

Each object is validated against the schema of its type, as the OASIS validator does: the SDO, SRO
and SCO schemas, common/marking-definition.json, common/extension-definition.json, and, for a type
the specification does not define, common/core.json (objects with `created`) or
common/cyber-observable-core.json. The bundle's own properties are checked against
common/bundle.json without its objects, whose `oneOf` between core.json and cyber-observable-core.json
cannot tell a custom SDO such as extension-definition from a custom SCO. Every reference (`*_ref`,
`*_refs`) must name an object of the file or a TLP 1.0 marking, which STIX predefines. The schemas'
$refs resolve to the local files; nothing is fetched.

Prints one line per error and exits 0 when there is none, 1 when there are, 2 on a usage error.
Works with python3-jsonschema 4.10 (Debian 12) and later releases.
"""
import json
import pathlib
import sys

import jsonschema

SCHEMA_FOLDERS = ("sdos", "sros", "observables")
# TLP 1.0 markings are predefined by STIX 2.1 (section 7.2.1.4): a bundle may refer to them without them.
PREDEFINED_MARKINGS = {
    "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
    "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
    "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
}


def load_schemas(root):
    schemas = {}
    for path in sorted((root / "schemas").rglob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schemas[schema["$id"]] = schema
    return schemas


def make_validator_factory(schemas):
    validator_class = jsonschema.Draft202012Validator
    format_checker = jsonschema.FormatChecker()
    try:
        import referencing  # jsonschema 4.18 and later
        from referencing.jsonschema import DRAFT202012

        registry = referencing.Registry().with_resources(
            (uri, referencing.Resource.from_contents(schema, default_specification=DRAFT202012))
            for uri, schema in schemas.items())
        return lambda schema: validator_class(schema, registry=registry, format_checker=format_checker)
    except ImportError:
        def factory(schema):
            resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema, store=dict(schemas))
            return validator_class(schema, resolver=resolver, format_checker=format_checker)
        return factory


def schema_id(schemas, folder, name):
    for uri in schemas:
        if uri.endswith("/schemas/%s/%s.json" % (folder, name)):
            return uri
    return None


def schema_for(schemas, stix_object):
    stix_type = stix_object.get("type", "")
    for folder in SCHEMA_FOLDERS:
        found = schema_id(schemas, folder, stix_type)
        if found:
            return found
    if stix_type in ("marking-definition", "extension-definition", "language-content"):
        return schema_id(schemas, "common", stix_type)
    return schema_id(schemas, "common", "core" if "created" in stix_object else "cyber-observable-core")


def references(stix_object):
    for key, value in stix_object.items():
        if key.endswith("_ref") and isinstance(value, str):
            yield value
        elif key.endswith("_refs") and isinstance(value, list):
            yield from (item for item in value if isinstance(item, str))


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    schemas = load_schemas(pathlib.Path(argv[1]))
    validator = make_validator_factory(schemas)
    document = json.loads(pathlib.Path(argv[2]).read_text(encoding="utf-8"))
    errors = []
    if isinstance(document, dict) and document.get("type") == "bundle":
        envelope = dict(document, objects=[{}])
        bundle_schema = dict(schemas[schema_id(schemas, "common", "bundle")])
        bundle_schema["properties"] = dict(bundle_schema["properties"], objects={"type": "array", "minItems": 1})
        errors += ["bundle: %s" % error.message for error in validator(bundle_schema).iter_errors(envelope)]
        objects = document.get("objects", [])
    else:
        objects = document if isinstance(document, list) else [document]
    ids = {stix_object.get("id") for stix_object in objects} | PREDEFINED_MARKINGS
    for stix_object in objects:
        name = stix_object.get("id", "?")
        schema = schemas[schema_for(schemas, stix_object)]
        for error in validator(schema).iter_errors(stix_object):
            path = "/".join(str(part) for part in error.absolute_path)
            errors.append("%s: %s: %s" % (name, path or "(object)", error.message))
        errors += ["%s: refers to %s, which the file does not hold" % (name, ref)
                   for ref in references(stix_object) if ref not in ids]
    for error in errors:
        print(error)
    print("validate_stix: %d objects, %d errors" % (len(objects), len(errors)), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
