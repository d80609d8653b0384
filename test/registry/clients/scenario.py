"""Our scenario for Confluent's Python client (confluent-kafka) against `schemagate registry serve`.

Usage: python scenario.py '{"url": "...", "conf": {"ca", "cert", "key", "userInfo"}, "only": ["step", ...]}'
Every step runs even when an earlier one failed; the result is one JSON object on stdout:
{"steps": [{"name": ..., "ok": true} | {"name": ..., "ok": false, "error": "..."}]}.
"""
import json
import sys
import traceback

from confluent_kafka.schema_registry import Schema, SchemaReference, SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.schema_registry.error import SchemaRegistryError
from confluent_kafka.schema_registry.json_schema import JSONDeserializer, JSONSerializer
from confluent_kafka.serialization import MessageField, SerializationContext

ORDER_V1 = {"type": "record", "name": "Order", "namespace": "com.acme",
            "fields": [{"name": "id", "type": "string"}, {"name": "qty", "type": "int"}]}
ORDER_V2 = {**ORDER_V1, "fields": ORDER_V1["fields"] + [{"name": "note", "type": ["null", "string"], "default": None}]}
ORDER_BAD = {**ORDER_V1, "fields": [{"name": "id", "type": "string"}, {"name": "price", "type": "double"}]}
CUSTOMER = {"type": "record", "name": "Customer", "namespace": "com.acme", "fields": [{"name": "name", "type": "string"}]}
INVOICE = {"type": "record", "name": "Invoice", "namespace": "com.acme",
           "fields": [{"name": "customer", "type": "com.acme.Customer"}]}
CLICK_JSON = {"$schema": "http://json-schema.org/draft-07/schema#", "title": "Click", "type": "object",
              "properties": {"page": {"type": "string"}, "count": {"type": "integer"}},
              "required": ["page"]}


def avro(doc, refs=None):
    return Schema(json.dumps(doc), "AVRO", refs or [])


def expect(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def expect_error(fn, status, code=None):
    try:
        fn()
    except SchemaRegistryError as e:
        expect(e.http_status_code, status, "HTTP status")
        if code is not None:
            expect(e.error_code, code, "error_code")
        return e
    raise AssertionError(f"expected a {status} error, got success")


def ctx(topic):
    return SerializationContext(topic, MessageField.VALUE)


def steps(c: SchemaRegistryClient, fresh, state: dict):
    def register():
        state["id1"] = c.register_schema("orders-value", avro(ORDER_V1))
        expect(c.register_schema("orders-value", avro(ORDER_V1)), state["id1"], "re-register answers the same id")
        expect(c.get_schema(state["id1"]).schema_str, json.dumps(ORDER_V1, separators=(",", ":")), "schema by id")
        expect(c.get_subjects(), ["orders-value"], "subjects")

    def lookup():
        found = c.lookup_schema("orders-value", avro(ORDER_V1))
        expect((found.schema_id, found.version, found.subject), (state["id1"], 1, "orders-value"), "lookup")
        # Whitespace and key order do not make another schema.
        reordered = {"fields": ORDER_V1["fields"], "name": "Order", "type": "record", "namespace": "com.acme"}
        expect(c.lookup_schema("orders-value", Schema(json.dumps(reordered, indent=2), "AVRO")).schema_id,
               state["id1"], "lookup of the same schema written differently")
        expect_error(lambda: c.lookup_schema("orders-value", avro(ORDER_V2)), 404, 40403)
        expect_error(lambda: c.lookup_schema("nobody-value", avro(ORDER_V1)), 404, 40401)

    def lookup_normalized():
        # Registered without normalize; a lookup with normalize=true still finds it.
        found = c.lookup_schema("orders-value", avro(ORDER_V1), normalize_schemas=True)
        expect((found.schema_id, found.version), (state["id1"], 1), "lookup with normalize")

    def lookup_equivalent():
        # Custom properties in another order: the same Avro schema to the registry (Avro Java's
        # Schema.equals), found by a lookup with and without normalize, though the texts differ.
        pid = c.register_schema("props-value", avro({**CUSTOMER, "x-owner": "team-a", "x-tier": "gold"}))
        swapped = avro({**CUSTOMER, "x-tier": "gold", "x-owner": "team-a"})
        expect(c.lookup_schema("props-value", swapped, normalize_schemas=True).schema_id, pid, "with normalize")
        expect(c.lookup_schema("props-value", swapped).schema_id, pid, "without normalize")

    def compatibility():
        expect(c.test_compatibility("orders-value", avro(ORDER_V2)), True, "v2 is backward compatible")
        expect(c.test_compatibility("orders-value", avro(ORDER_BAD)), False, "a new field without default")
        expect_error(lambda: c.register_schema("orders-value", avro(ORDER_BAD)), 409)
        state["id2"] = c.register_schema("orders-value", avro(ORDER_V2))
        expect(c.get_versions("orders-value"), [1, 2], "versions")
        expect(c.get_latest_version("orders-value").schema_id, state["id2"], "latest")

    def references():
        cid = c.register_schema("customer-value", avro(CUSTOMER))
        ref = SchemaReference("com.acme.Customer", "customer-value", 1)
        iid = c.register_schema("invoice-value", avro(INVOICE, [ref]))
        got = c.get_schema(iid)
        expect([(r.name, r.subject, r.version) for r in got.references],
               [("com.acme.Customer", "customer-value", 1)], "references by id")
        expect(c.lookup_schema("invoice-value", avro(INVOICE, [ref])).schema_id, iid, "lookup with references")
        expect(c.get_referenced_by("customer-value", 1), [iid], "referenced by")
        expect_error(lambda: c.delete_version("customer-value", 1), 422, 42206)
        expect(cid != iid, True, "two ids")

    def config():
        expect(c.set_compatibility("orders-value", "FULL"), {"compatibility": "FULL"}, "subject level set")
        expect(c.get_compatibility("orders-value"), "FULL", "subject level")
        expect(c.set_compatibility(level="NONE"), {"compatibility": "NONE"}, "global level set")
        expect(c.get_compatibility(), "NONE", "global level")
        expect(c.get_config("orders-value").compatibility_level, "FULL", "subject config")
        c.delete_config("orders-value")
        expect_error(lambda: c.get_compatibility("orders-value"), 404, 40408)
        c.set_compatibility(level="BACKWARD")

    def mode():
        expect(c.get_global_mode(), "READWRITE", "global mode")
        expect(c.update_mode("orders-value", "READONLY"), "READONLY", "subject mode set")
        expect(c.get_mode("orders-value"), "READONLY", "subject mode")
        expect_error(lambda: c.register_schema("orders-value", avro({**ORDER_V2, "doc": "ro"})), 422, 42205)
        c.delete_mode("orders-value")
        expect(c.update_global_mode("READONLY"), "READONLY", "global mode set")
        expect_error(lambda: c.register_schema("other-value", avro(CUSTOMER)), 422, 42205)
        expect(c.update_global_mode("READWRITE"), "READWRITE", "global mode back")

    def deletes():
        c.register_schema("scratch-value", avro(CUSTOMER))
        c.register_schema("scratch-value", avro({**CUSTOMER, "doc": "two"}))
        expect(c.delete_version("scratch-value", 2), 2, "soft delete of a version")
        expect(c.get_versions("scratch-value"), [1], "versions after a soft delete")
        expect(c.delete_subject("scratch-value"), [1], "soft delete of the subject")
        expect("scratch-value" in c.get_subjects(), False, "soft-deleted subject is not listed")
        expect(c.delete_subject("scratch-value", permanent=True), [1, 2], "permanent delete")
        expect_error(lambda: c.get_versions("scratch-value"), 404, 40401)

    def avro_serde():
        value = {"id": "o-1", "qty": 3, "note": None}
        auto = AvroSerializer(c, json.dumps({**ORDER_V2, "name": "Shipment"}), conf={"auto.register.schemas": True})
        data = auto(value, ctx("shipments"))
        sid = int.from_bytes(data[1:5], "big")
        expect(c.get_subjects_by_schema_id(sid), ["shipments-value"], "auto-registered under the topic's subject")
        de = AvroDeserializer(fresh())
        expect(de(data, ctx("shipments")), value, "round trip")
        latest = AvroSerializer(c, json.dumps(ORDER_V2),
                                conf={"auto.register.schemas": False, "use.latest.version": True})
        data = latest(value, ctx("orders"))
        expect(int.from_bytes(data[1:5], "big"), c.get_latest_version("orders-value").schema_id, "latest id used")
        expect(de(data, ctx("orders")), value, "round trip with the latest version")

    def json_serde():
        value = {"page": "/home", "count": 2}
        ser = JSONSerializer(json.dumps(CLICK_JSON), c, conf={"auto.register.schemas": True})
        data = ser(value, ctx("clicks"))
        sid = int.from_bytes(data[1:5], "big")
        expect(c.get_schema(sid).schema_type, "JSON", "registered as JSON")
        de = JSONDeserializer(None, schema_registry_client=fresh())
        expect(de(data, ctx("clicks")), value, "round trip")
        latest = JSONSerializer(json.dumps(CLICK_JSON), c,
                                conf={"auto.register.schemas": False, "use.latest.version": True})
        expect(int.from_bytes(latest(value, ctx("clicks"))[1:5], "big"), sid, "latest id used")

    def tls_auth():
        sid = c.register_schema("secure-value", avro(CUSTOMER))
        expect(c.get_latest_version("secure-value").schema_id, sid, "read back")

    return {
        "register": register, "lookup": lookup, "lookup-normalize": lookup_normalized,
        "lookup-equivalent": lookup_equivalent,
        "compatibility": compatibility, "references": references, "config": config, "mode": mode,
        "deletes": deletes, "avro-serde": avro_serde, "json-serde": json_serde, "tls-auth": tls_auth,
    }


def main():
    args = json.loads(sys.argv[1])
    # The same neutral keys as the Go scenario's, in the Python client's own configuration names.
    names = {"ca": "ssl.ca.location", "cert": "ssl.certificate.location", "key": "ssl.key.location",
             "userInfo": "basic.auth.user.info"}
    conf = {names[k]: v for k, v in args.get("conf", {}).items()}

    def fresh():
        return SchemaRegistryClient({"url": args["url"], **conf})

    c = fresh()
    results = []
    for name, fn in steps(c, fresh, {}).items():
        if name not in args["only"]:
            continue
        try:
            fn()
            results.append({"name": name, "ok": True})
        except Exception as e:  # every failure is reported, and the next step still runs
            results.append({"name": name, "ok": False, "error": f"{type(e).__name__}: {e}",
                            "trace": traceback.format_exc(limit=3)})
    print(json.dumps({"steps": results}))


main()
