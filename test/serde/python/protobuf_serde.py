"""Confluent's Python Protobuf serde (confluent-kafka) against `schemagate registry serve`.

Usage: python protobuf_serde.py '{"url": ..., "protoDir": ..., "genDir": ..., "file": "acme/order.proto",
  "produce": [{"type": "acme.Order", "value": {...}}], "consume": [{"type": ..., "hex": ...}]}'

The message classes come from protoc (grpcio-tools) run now on every .proto file in protoDir. `produce`
serializes each value (proto3 JSON with field names as declared) with ProtobufSerializer on topic "orders"
(auto-register, references registered under their file names); `consume` reads each framed message with
ProtobufDeserializer (with `"recordStrategy": true`, under a record name strategy that notes the writer's
message name it is given, in "writers"). Prints one JSON object: {"produced": [hex, ...], "consumed": [value, ...], "writers": [name, ...]}, values as
proto3 JSON with field names as declared.
"""
import importlib
import json
import sys

from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer, ProtobufSerializer
from confluent_kafka.serialization import MessageField, SerializationContext
from google.protobuf import json_format
from google.protobuf.message_factory import GetMessageClass
from grpc_tools import protoc
from importlib.resources import files as resource_files
from pathlib import Path


def generate(proto_dir: str, gen_dir: str, file: str):
    include = str(resource_files("grpc_tools") / "_proto")
    sources = sorted(str(p.relative_to(proto_dir)) for p in Path(proto_dir).rglob("*.proto"))
    code = protoc.main(["protoc", f"-I{proto_dir}", f"-I{include}", f"--python_out={gen_dir}", *sources])
    if code != 0:
        raise RuntimeError(f"protoc failed on {sources} (exit {code})")
    sys.path.insert(0, gen_dir)
    return importlib.import_module(file[: -len(".proto")].replace("/", ".") + "_pb2")


def message_class(module, full_name: str):
    return GetMessageClass(module.DESCRIPTOR.pool.FindMessageTypeByName(full_name))


def as_json(message) -> dict:
    return json_format.MessageToDict(message, preserving_proto_field_name=True)


def main(args: dict) -> dict:
    module = generate(args["protoDir"], args["genDir"], args["file"])
    client = SchemaRegistryClient({"url": args["url"]})
    ctx = SerializationContext("orders", MessageField.VALUE)
    produced = []
    for item in args.get("produce", []):
        cls = message_class(module, item["type"])
        serializer = ProtobufSerializer(cls, client, {"auto.register.schemas": True})
        produced.append(serializer(json_format.ParseDict(item["value"], cls()), ctx).hex())
    consumed = []
    writers = []
    for item in args.get("consume", []):
        cls = message_class(module, item["type"])
        conf = {}
        if item.get("recordStrategy"):
            # A record name strategy is called with the writer's message, which the deserializer finds by
            # resolving the message indexes in the writer's descriptor (format=serialized).
            def strategy(ctx, record_name):
                if record_name is not None:
                    writers.append(record_name)
                return record_name

            conf = {"subject.name.strategy": strategy}
        deserializer = ProtobufDeserializer(cls, conf, client)
        consumed.append(as_json(deserializer(bytes.fromhex(item["hex"]), ctx)))
    return {"produced": produced, "consumed": consumed, "writers": writers}


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
