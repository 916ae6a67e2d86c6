import Foundation
import Testing

@testable import TimelinePrinting

/// The one JSON encoder of the printers: what it writes is JSON any reader takes, keys in the order given.
@Suite("JSONValue")
struct JSONValueTests {
    @Test("strings are quoted so that a JSON reader gets them back exactly, control characters included")
    func quotingRoundTrips() throws {
        for text in ["plain", "say \"hi\"", #"back\slash"#, "line\nbreak\r\ttab", "\u{01}\u{1F}\u{7F}", "三次握手 →", ""] {
            let encoded = JSONValue.array([.string(text)]).encoded
            let decoded = try JSONSerialization.jsonObject(with: Data(encoded.utf8)) as? [String]
            #expect(decoded == [text], "\(encoded)")
        }
        #expect(JSONValue.quote("\u{01}") == #""\u0001""#)
        #expect(JSONValue.quote("\u{1F}") == #""\u001f""#)
    }

    @Test("an object keeps its keys in the order written; numbers, booleans and null as JSON spells them")
    func objectsKeepTheirOrder() {
        let value = JSONValue.object([
            ("z", .int(-3)), ("a", .double(0.25)), ("m", .bool(true)), ("b", .null), ("k", .array([.bool(false)])),
        ])
        #expect(value.encoded == #"{"z":-3,"a":0.25,"m":true,"b":null,"k":[false]}"#)
    }
}
