import CaptureKit
import TCPCore
import Testing

/// A small seeded generator: the same seed gives the same mutations, so a failure can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var value = state
        value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
        value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
        return value ^ (value >> 31)
    }
}

/// Damaged captures must give an error or a result, never a crash or a hang.
@Suite struct CaptureFuzzTests {
    static let binaryFixtures = [
        "a-closes-first.pcap", "a-closes-first-be.pcap", "a-closes-first-nano.pcap", "a-closes-first.pcapng",
        "a-closes-first-be.pcapng", "two-interfaces.pcapng", "simultaneous-open.pcap", "retransmission.pcap",
        "reordered.pcap", "loopback-ethernet.pcap", "loopback-sll.pcap", "loopback-ipv6-sll2.pcap", "ipv6.pcap",
        "abort.pcap", "port-reuse.pcap",
    ]
    static let textFixtures = [
        "a-closes-first.txt", "ipv6-verbose.txt", "loopback-ethernet-e.txt", "seed-handshake.txt",
    ]
    static let interesting32: [UInt32] = [
        0, 1, 0x7f, 0x80, 0xff, 0xffff, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 65_536,
    ]

    /// One mutation of `bytes`, chosen by `random`.
    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var result = bytes
        guard !result.isEmpty else { return [UInt8(truncatingIfNeeded: random.next())] }
        let count = 1 + Int(random.next() % 4)
        for _ in 0..<count {
            let position = Int(random.next() % UInt64(max(result.count, 1)))
            switch random.next() % 7 {
            case 0:  // flip a bit
                if position < result.count { result[position] ^= 1 << (random.next() % 8) }
            case 1:  // a random byte
                if position < result.count { result[position] = UInt8(truncatingIfNeeded: random.next()) }
            case 2:  // an interesting 32-bit value, as length fields love them
                let value = interesting32[Int(random.next() % UInt64(interesting32.count))]
                for offset in 0..<4 where position + offset < result.count {
                    result[position + offset] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(offset)))
                }
            case 3:  // cut the file short
                result = Array(result.prefix(position))
            case 4:  // remove a chunk
                let end = min(result.count, position + 1 + Int(random.next() % 64))
                result.removeSubrange(position..<end)
            case 5:  // repeat a chunk
                let end = min(result.count, position + 1 + Int(random.next() % 64))
                result.insert(contentsOf: result[position..<end], at: position)
            default:  // text-shaped damage: a digit, a space or a line break
                let choices: [UInt8] = Array("0123456789 .:,[]\n>".utf8)
                if position < result.count { result[position] = choices[Int(random.next() % UInt64(choices.count))] }
            }
            if result.isEmpty { break }
        }
        return result
    }

    /// A seed from the fixture's name, the same in every run.
    static func seed(_ name: String) -> UInt64 { name.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) } }

    /// Reads, lists and replays: any of them may report an error, none may crash.
    static func exercise(_ bytes: [UInt8]) -> Bool {
        do {
            let reader = try CaptureReader(bytes: bytes, chunkSize: 256)
            let (replay, listing) = try CaptureAnalysis.replay(reader, stream: 0)
            if let replay { _ = replay.finalStates }
            return listing.segments >= 0
        } catch {
            return !error.description.isEmpty
        }
    }

    @Test(arguments: binaryFixtures + TunnelFuzzTests.tunnelFixtures)
    func damagedBinaryCaptures(_ name: String) throws {
        let original = try Fixtures.bytes(name)
        var random = SplitMix64(state: Self.seed(name))
        var handled = 0
        for _ in 0..<400 {
            if Self.exercise(Self.mutate(original, &random)) { handled += 1 }
        }
        #expect(handled == 400)
    }

    @Test(arguments: textFixtures)
    func damagedTextCaptures(_ name: String) throws {
        let original = try Fixtures.bytes(name)
        var random = SplitMix64(state: Self.seed(name) ^ 0x5eed)
        var handled = 0
        for _ in 0..<300 {
            if Self.exercise(Self.mutate(original, &random)) { handled += 1 }
        }
        #expect(handled == 300)
    }

    @Test func randomBytesAfterEachMagic() {
        var random = SplitMix64(state: 42)
        let magics: [[UInt8]] = [[0xd4, 0xc3, 0xb2, 0xa1], [0xa1, 0xb2, 0x3c, 0x4d], [0x0a, 0x0d, 0x0d, 0x0a], []]
        var handled = 0
        for index in 0..<800 {
            let length = Int(random.next() % 300)
            let noise = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            if Self.exercise(magics[index % magics.count] + noise) { handled += 1 }
        }
        #expect(handled == 800)
    }
}
