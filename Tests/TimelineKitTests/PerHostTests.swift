import TCPCore
import Testing
import TimelineKit

@Suite("PerHost: one value for each host, never missing")
struct PerHostTests {
    @Test("the subscript reads and writes each host's own value")
    func subscriptByHost() {
        var ports = PerHost(a: 3337, b: 7788)
        #expect(ports[.a] == 3337 && ports[.b] == 7788)
        ports[.b] += 1
        #expect(ports == PerHost(a: 3337, b: 7789))
        #expect(PerHost { $0 == .a ? "A" : "B" }.values == ["A", "B"])
    }

    @Test("mutating through the subscript changes the value in place")
    func inPlace() {
        var lists = PerHost<[Int]>(repeating: [])
        for number in 1...3 { lists[.a].append(number) }
        lists[.b].append(contentsOf: [9])
        #expect(lists.a == [1, 2, 3] && lists.b == [9])
    }

    @Test("map and the dictionary keep each value with its host")
    func mapAndDictionary() {
        let isn = PerHost(a: SequenceNumber(100), b: SequenceNumber(300))
        #expect(isn.map(\.rawValue) == PerHost(a: 100, b: 300))
        #expect(isn.dictionary == [.a: SequenceNumber(100), .b: SequenceNumber(300)])
    }
}
