// Our scenario for Confluent's Go client (confluent-kafka-go/v2/schemaregistry) against
// `schemagate registry serve`: the same steps as ../scenario.py.
//
// Usage: scenario '{"url": "...", "conf": {"ca": ..., "cert": ..., "key": ..., "userInfo": ...}, "only": [...]}'
// Every step runs even when an earlier one failed; the result is one JSON object on stdout:
// {"steps": [{"name": ..., "ok": true} | {"name": ..., "ok": false, "error": "..."}]}.
package main

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"

	"github.com/confluentinc/confluent-kafka-go/v2/schemaregistry"
	"github.com/confluentinc/confluent-kafka-go/v2/schemaregistry/rest"
	"github.com/confluentinc/confluent-kafka-go/v2/schemaregistry/serde"
	"github.com/confluentinc/confluent-kafka-go/v2/schemaregistry/serde/avrov2"
	"github.com/confluentinc/confluent-kafka-go/v2/schemaregistry/serde/jsonschema"
)

type args struct {
	URL  string `json:"url"`
	Conf struct {
		CA       string `json:"ca"`
		Cert     string `json:"cert"`
		Key      string `json:"key"`
		UserInfo string `json:"userInfo"`
	} `json:"conf"`
	Only []string `json:"only"`
}

type result struct {
	Name  string `json:"name"`
	OK    bool   `json:"ok"`
	Error string `json:"error,omitempty"`
}

func mustJSON(v interface{}) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

type obj = map[string]interface{}

var (
	fieldsV1  = []obj{{"name": "id", "type": "string"}, {"name": "qty", "type": "int"}}
	orderV1   = obj{"type": "record", "name": "Order", "namespace": "com.acme", "fields": fieldsV1}
	orderV2   = obj{"type": "record", "name": "Order", "namespace": "com.acme", "fields": append(append([]obj{}, fieldsV1...), obj{"name": "note", "type": []string{"null", "string"}, "default": nil})}
	orderBad  = obj{"type": "record", "name": "Order", "namespace": "com.acme", "fields": []obj{{"name": "id", "type": "string"}, {"name": "price", "type": "double"}}}
	customer  = obj{"type": "record", "name": "Customer", "namespace": "com.acme", "fields": []obj{{"name": "name", "type": "string"}}}
	invoice   = obj{"type": "record", "name": "Invoice", "namespace": "com.acme", "fields": []obj{{"name": "customer", "type": "com.acme.Customer"}}}
	clickJSON = `{"$schema":"http://json-schema.org/draft-07/schema#","title":"Click","type":"object","properties":{"page":{"type":"string"},"count":{"type":"integer"}},"required":["page"]}`
)

func avro(doc obj, refs ...schemaregistry.Reference) schemaregistry.SchemaInfo {
	return schemaregistry.SchemaInfo{Schema: mustJSON(doc), SchemaType: "AVRO", References: refs}
}

func with(doc obj, key string, value interface{}) obj {
	out := obj{}
	for k, v := range doc {
		out[k] = v
	}
	out[key] = value
	return out
}

func expect(actual, expected interface{}, what string) {
	if !reflect.DeepEqual(actual, expected) {
		panic(fmt.Errorf("%s: expected %#v, got %#v", what, expected, actual))
	}
}

func check(err error, what string) {
	if err != nil {
		panic(fmt.Errorf("%s: %w", what, err))
	}
}

func expectError(err error, status int, code int) {
	var restErr *rest.Error
	if err == nil {
		panic(fmt.Errorf("expected error %d, got success", code))
	}
	if !errors.As(err, &restErr) {
		panic(fmt.Errorf("expected a registry error %d, got %v", code, err))
	}
	expect(restErr.Code, code, fmt.Sprintf("error code (HTTP %d)", status))
}

func framedID(b []byte) int { return int(binary.BigEndian.Uint32(b[1:5])) }

type Shipment struct {
	ID   string  `avro:"id" json:"id"`
	Qty  int32   `avro:"qty" json:"qty"`
	Note *string `avro:"note" json:"note"`
}

type Click struct {
	Page  string `json:"page"`
	Count int    `json:"count"`
}

func steps(c schemaregistry.Client, fresh func() schemaregistry.Client) map[string]func() {
	state := map[string]int{}
	return map[string]func(){
		"register": func() {
			id, err := c.Register("orders-value", avro(orderV1), false)
			check(err, "register")
			state["id1"] = id
			again, err := c.Register("orders-value", avro(orderV1), false)
			check(err, "register again")
			expect(again, id, "re-register answers the same id")
			subjects, err := c.GetAllSubjects()
			check(err, "subjects")
			expect(subjects, []string{"orders-value"}, "subjects")
		},
		"lookup": func() {
			id, err := c.GetID("orders-value", avro(orderV1), false)
			check(err, "lookup")
			expect(id, state["id1"], "lookup")
			version, err := c.GetVersion("orders-value", avro(orderV1), false)
			check(err, "version lookup")
			expect(version, 1, "version")
			_, err = fresh().GetID("orders-value", avro(orderV2), false)
			expectError(err, 404, 40403)
		},
		"lookup-normalize": func() {
			id, err := fresh().GetID("orders-value", avro(orderV1), true)
			check(err, "lookup with normalize")
			expect(id, state["id1"], "lookup with normalize")
		},
		"lookup-equivalent": func() {
			withProps := with(with(customer, "x-owner", "team-a"), "x-tier", "gold")
			pid, err := c.Register("props-value", avro(withProps), false)
			check(err, "register")
			// Go's encoding/json sorts map keys; written by hand so the properties come the other way round.
			swapped := schemaregistry.SchemaInfo{SchemaType: "AVRO", Schema: `{"type":"record","name":"Customer","namespace":"com.acme","fields":[{"name":"name","type":"string"}],"x-tier":"gold","x-owner":"team-a"}`}
			id, err := fresh().GetID("props-value", swapped, true)
			check(err, "lookup with normalize")
			expect(id, pid, "with normalize")
			id, err = fresh().GetID("props-value", swapped, false)
			check(err, "lookup without normalize")
			expect(id, pid, "without normalize")
		},
		"compatibility": func() {
			ok, err := c.TestSubjectCompatibility("orders-value", avro(orderV2))
			check(err, "test v2")
			expect(ok, true, "v2 is backward compatible")
			ok, err = c.TestSubjectCompatibility("orders-value", avro(orderBad))
			check(err, "test bad")
			expect(ok, false, "a new field without default")
			_, err = c.Register("orders-value", avro(orderBad), false)
			expectError(err, 409, 409)
			id2, err := c.Register("orders-value", avro(orderV2), false)
			check(err, "register v2")
			versions, err := c.GetAllVersions("orders-value")
			check(err, "versions")
			expect(versions, []int{1, 2}, "versions")
			latest, err := c.GetLatestSchemaMetadata("orders-value")
			check(err, "latest")
			expect(latest.ID, id2, "latest")
		},
		"references": func() {
			_, err := c.Register("customer-value", avro(customer), false)
			check(err, "register customer")
			ref := schemaregistry.Reference{Name: "com.acme.Customer", Subject: "customer-value", Version: 1}
			iid, err := c.Register("invoice-value", avro(invoice, ref), false)
			check(err, "register invoice")
			got, err := fresh().GetBySubjectAndID("invoice-value", iid)
			check(err, "by id")
			expect(got.References, []schemaregistry.Reference{ref}, "references by id")
			id, err := fresh().GetID("invoice-value", avro(invoice, ref), false)
			check(err, "lookup with references")
			expect(id, iid, "lookup with references")
			_, err = c.DeleteSubjectVersion("customer-value", 1, false)
			expectError(err, 422, 42206)
		},
		"config": func() {
			level, err := c.UpdateCompatibility("orders-value", schemaregistry.Full)
			check(err, "set subject level")
			expect(int(level), schemaregistry.Full, "subject level set")
			level, err = c.GetCompatibility("orders-value")
			check(err, "subject level")
			expect(int(level), schemaregistry.Full, "subject level")
			level, err = c.UpdateDefaultCompatibility(schemaregistry.None)
			check(err, "set global level")
			expect(int(level), schemaregistry.None, "global level set")
			level, err = c.GetDefaultCompatibility()
			check(err, "global level")
			expect(int(level), schemaregistry.None, "global level")
			config, err := c.GetConfig("payments-value", true)
			check(err, "config with defaultToGlobal")
			expect(int(config.CompatibilityLevel), schemaregistry.None, "defaultToGlobal")
			_, err = c.GetConfig("payments-value", false)
			expectError(err, 404, 40408)
			_, err = c.UpdateDefaultCompatibility(schemaregistry.Backward)
			check(err, "global level back")
		},
		"deletes": func() {
			_, err := c.Register("scratch-value", avro(customer), false)
			check(err, "register 1")
			_, err = c.Register("scratch-value", avro(with(customer, "doc", "two")), false)
			check(err, "register 2")
			v, err := c.DeleteSubjectVersion("scratch-value", 2, false)
			check(err, "soft delete version")
			expect(v, 2, "soft delete of a version")
			deleted, err := c.DeleteSubject("scratch-value", false)
			check(err, "soft delete subject")
			expect(deleted, []int{1}, "soft delete of the subject")
			deleted, err = c.DeleteSubject("scratch-value", true)
			check(err, "permanent delete")
			expect(deleted, []int{1, 2}, "permanent delete")
			_, err = c.GetAllVersions("scratch-value")
			expectError(err, 404, 40401)
		},
		"avro-serde": func() {
			conf := avrov2.NewSerializerConfig()
			conf.AutoRegisterSchemas = true
			ser, err := avrov2.NewSerializer(c, serde.ValueSerde, conf)
			check(err, "serializer")
			note := "fragile"
			value := Shipment{ID: "o-1", Qty: 3, Note: &note}
			data, err := ser.Serialize("shipments", &value)
			check(err, "auto-register serialize")
			pairs, err := c.GetSubjectsAndVersionsByID(framedID(data))
			check(err, "subjects of the id")
			expect(pairs[0].Subject, "shipments-value", "auto-registered under the topic's subject")
			de, err := avrov2.NewDeserializer(fresh(), serde.ValueSerde, avrov2.NewDeserializerConfig())
			check(err, "deserializer")
			var back Shipment
			check(de.DeserializeInto("shipments", data, &back), "deserialize")
			expect(back, value, "round trip")

			latestConf := avrov2.NewSerializerConfig()
			latestConf.AutoRegisterSchemas = false
			latestConf.UseLatestVersion = true
			latest, err := avrov2.NewSerializer(c, serde.ValueSerde, latestConf)
			check(err, "latest serializer")
			data, err = latest.Serialize("orders", &value)
			check(err, "serialize with the latest version")
			meta, err := c.GetLatestSchemaMetadata("orders-value")
			check(err, "latest")
			expect(framedID(data), meta.ID, "latest id used")
			var again Shipment
			check(de.DeserializeInto("orders", data, &again), "deserialize latest")
			expect(again, value, "round trip with the latest version")
		},
		"json-serde": func() {
			_, err := c.Register("clicks-value", schemaregistry.SchemaInfo{Schema: clickJSON, SchemaType: "JSON"}, false)
			check(err, "register JSON schema")
			conf := jsonschema.NewSerializerConfig()
			conf.AutoRegisterSchemas = false
			conf.UseLatestVersion = true
			ser, err := jsonschema.NewSerializer(c, serde.ValueSerde, conf)
			check(err, "serializer")
			value := Click{Page: "/home", Count: 2}
			data, err := ser.Serialize("clicks", &value)
			check(err, "serialize")
			info, err := fresh().GetBySubjectAndID("clicks-value", framedID(data))
			check(err, "schema of the id")
			expect(info.SchemaType, "JSON", "registered as JSON")
			de, err := jsonschema.NewDeserializer(fresh(), serde.ValueSerde, jsonschema.NewDeserializerConfig())
			check(err, "deserializer")
			var back Click
			check(de.DeserializeInto("clicks", data, &back), "deserialize")
			expect(back, value, "round trip")

			autoConf := jsonschema.NewSerializerConfig()
			autoConf.AutoRegisterSchemas = true
			auto, err := jsonschema.NewSerializer(c, serde.ValueSerde, autoConf)
			check(err, "auto serializer")
			data, err = auto.Serialize("views", &value)
			check(err, "auto-register serialize")
			pairs, err := c.GetSubjectsAndVersionsByID(framedID(data))
			check(err, "subjects of the id")
			expect(pairs[0].Subject, "views-value", "auto-registered under the topic's subject")
			check(de.DeserializeInto("views", data, &back), "deserialize auto")
			expect(back, value, "round trip (auto-registered)")
		},
		"tls-auth": func() {
			id, err := c.Register("secure-value", avro(customer), false)
			check(err, "register")
			meta, err := c.GetLatestSchemaMetadata("secure-value")
			check(err, "read back")
			expect(meta.ID, id, "read back")
		},
	}
}

func run(name string, fn func()) (r result) {
	r = result{Name: name, OK: true}
	defer func() {
		if p := recover(); p != nil {
			r = result{Name: name, OK: false, Error: fmt.Sprint(p)}
		}
	}()
	fn()
	return r
}

func main() {
	var a args
	if err := json.Unmarshal([]byte(os.Args[1]), &a); err != nil {
		fmt.Fprintln(os.Stderr, "bad arguments:", err)
		os.Exit(2)
	}
	fresh := func() schemaregistry.Client {
		conf := schemaregistry.NewConfig(a.URL)
		conf.SslCaLocation = a.Conf.CA
		conf.SslCertificateLocation = a.Conf.Cert
		conf.SslKeyLocation = a.Conf.Key
		if a.Conf.UserInfo != "" {
			conf.BasicAuthCredentialsSource = "USER_INFO"
			conf.BasicAuthUserInfo = a.Conf.UserInfo
		}
		c, err := schemaregistry.NewClient(conf)
		if err != nil {
			panic(err)
		}
		return c
	}
	all := steps(fresh(), fresh)
	out := struct {
		Steps []result `json:"steps"`
	}{Steps: []result{}}
	for _, name := range a.Only {
		fn, ok := all[name]
		if !ok {
			out.Steps = append(out.Steps, result{Name: name, OK: false, Error: "no such step"})
			continue
		}
		out.Steps = append(out.Steps, run(name, fn))
	}
	fmt.Println(mustJSON(out))
}
