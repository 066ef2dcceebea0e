/**
 * The lenient readers behind the resource models: a value of the wrong type reads as absent,
 * never as an exception, and lists keep their length so item paths stay exact.
 */
import { bool, intOrString, list, num, obj, quantityMap, str, stringMap, strOrNull, unknown } from "../src/models/lenient.js";

const Port = obj({ name: str, containerPort: num });
const Spec = obj({ ports: list(Port), labels: stringMap, paused: bool, size: intOrString, storageClassName: strOrNull });

describe("lenient readers", () => {
  test.each([
    ["a string", "web", "web"],
    ["a number", 8080, undefined],
    ["null", null, undefined],
  ])("str reads %s", (_, value, expected) => {
    expect(str.parse(value)).toBe(expected);
  });

  test.each([
    ["a finite number", 3, 3],
    ["infinity (YAML .inf)", Infinity, undefined],
    ["NaN (YAML .nan)", NaN, undefined],
    ["a numeric string", "3", undefined],
  ])("num reads %s", (_, value, expected) => {
    expect(num.parse(value)).toBe(expected);
  });

  test("intOrString keeps strings and finite numbers only", () => {
    expect([intOrString.parse("25%"), intOrString.parse(1), intOrString.parse(-Infinity), intOrString.parse(true)]).toEqual(["25%", 1, undefined, undefined]);
  });

  test("strOrNull keeps an explicit null apart from absence", () => {
    expect(Spec.parse({ storageClassName: null })).toHaveProperty("storageClassName", null);
    expect(Spec.parse({})).not.toHaveProperty("storageClassName");
  });

  test("an object of the wrong type reads as an empty object", () => {
    expect(Spec.parse("spec")).toEqual({});
    expect(Spec.parse([{ paused: true }])).toEqual({});
  });

  test("a declared field of the wrong type is a key whose value is undefined; unknown keys are kept", () => {
    const read = Spec.parse({ paused: "yes", replicas: 3 });
    expect(Object.keys(read)).toEqual(["paused", "replicas"]);
    expect(read.paused).toBeUndefined();
    expect(read.replicas).toBe(3);
  });

  test("a key named __proto__ never becomes the model's prototype", () => {
    const input = JSON.parse('{"__proto__": {"paused": true}, "size": 1}');
    const read = Spec.parse(input);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(read.paused).toBeUndefined();
    expect(Object.keys(read)).toEqual(["size"]);
  });

  test("lists keep their length: an item of the wrong type reads as an empty object in its place", () => {
    const read = Spec.parse({ ports: [{ name: "http", containerPort: 80 }, "oops", { containerPort: "80" }] });
    expect(read.ports).toEqual([{ name: "http", containerPort: 80 }, {}, { containerPort: undefined }]);
    expect(list(unknown).parse({ 0: "a" })).toBeUndefined();
  });

  test("what reads as written is not copied: an object or list is its own reading unless a field in it reads otherwise", () => {
    const ports = [{ name: "http", containerPort: 80 }];
    const written = { ports, paused: true, size: 1, extra: { any: "thing" } };
    expect(Spec.parse(written)).toBe(written);
    expect(list(Port).parse(ports)).toBe(ports);
    // One item that reads otherwise copies that item, its list and the object, and nothing else.
    const mixed = { ports: [ports[0], { containerPort: "80" }], paused: true };
    const read = Spec.parse(mixed);
    expect(read).not.toBe(mixed);
    expect(read.ports).not.toBe(mixed.ports);
    expect(read.ports![0]).toBe(ports[0]);
    expect(read).toEqual({ ports: [ports[0], { containerPort: undefined }], paused: true });
  });

  test("string maps drop values of other types, quantity maps keep numbers as strings", () => {
    expect(stringMap.parse({ app: "web", replicas: 2, none: null })).toEqual({ app: "web" });
    expect(quantityMap.parse({ cpu: 1, memory: "1Gi", gpu: true })).toEqual({ cpu: "1", memory: "1Gi" });
    expect(stringMap.parse(["app"])).toBeUndefined();
    expect(Object.getPrototypeOf(stringMap.parse({ app: "web" }))).toBeNull();
  });

  test("reparse reads a value like parse, sharing the reading of what it shares with an earlier value", () => {
    const labels = { app: "web" };
    const http = { name: "http", containerPort: 80 };
    const before = { ports: [http, { name: "metrics", containerPort: 9090 }], labels, paused: true };
    const model = Spec.parse(before);
    // A copy with one item replaced, one added, a field changed to the wrong type and one removed.
    const after = { ports: [http, { name: "metrics", containerPort: "9090" }, "oops"], labels, size: "25%" };
    const read = Spec.reparse(after, before, model);
    expect(read).toEqual(Spec.parse(after));
    expect(Object.keys(read)).toEqual(Object.keys(Spec.parse(after)));
    expect(read.labels).toBe(model.labels);
    expect(read.ports![0]).toBe(model.ports![0]);
    expect(read.ports![1]).not.toBe(model.ports![1]);
    expect(Spec.reparse(before, before, model)).toBe(model);
    expect(Spec.reparse(after, "not an object", Spec.parse("not an object"))).toEqual(Spec.parse(after));
  });
});
