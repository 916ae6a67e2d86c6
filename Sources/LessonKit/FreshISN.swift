import TCPCore
import TimelineKit

/// How a lesson's ISNs are drawn afresh (`--seed`, `quiz --fresh`, every exam), from its `fresh:` header.
/// Every number a lesson states must stay true under fresh ISNs (TEACHING.md rule 13), so a lesson whose point is
/// a clock, the wrap at 2^32 or one specific number says how its fresh numbers are drawn.
public enum FreshISNPolicy: String, Hashable, Sendable, CaseIterable {
    /// Any 32-bit number for each host (the default).
    case random
    /// A host whose ISN is a clock keeps the same clock, booted at another moment: its ISN stays a value of that
    /// clock. A host with a fixed ISN gets a random one.
    case clock
    /// Each ISN within the last `nearWrapSpan` numbers below 2^32 (from 2^32 − 1000 to 2^32 − 2), so a lesson
    /// about the wrap keeps wrapping: data of 1000 bytes after the SYN always crosses from 2^32 − 1 to 0.
    /// 2^32 − 1 itself is left out so that a SYN's own number never wraps and the data always crosses.
    case nearWrap = "near-wrap"
    /// The declared ISNs, always: the lesson is about one specific number.
    case no

    /// How many numbers below 2^32 a `near-wrap` ISN is drawn from.
    public static let nearWrapSpan: UInt64 = 1000
}

/// The randomness for one fresh opening of a lesson: one 64-bit word per host. `--seed` and `quiz --fresh`
/// take it from a seed, exams from the student's keyed stream; `Lesson.freshISN` turns it into ISNs.
public typealias FreshDraw = PerHost<UInt64>

extension PerHost where Value == UInt64 {
    /// Two words from a seed, reproducibly (SplitMix64).
    public static func seeded(_ seed: UInt64) -> FreshDraw {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let a = next()
        return FreshDraw(a: a, b: next())
    }
}

extension Lesson {
    /// Where this lesson's ISNs come from in a fresh opening. The one place fresh ISNs are drawn: `run --seed`,
    /// `present --seed`, the tutor's and `quiz --fresh`'s openings and exam questions all come through here.
    public func freshISN(_ draw: FreshDraw) -> [HostID: ISNSource] {
        var result: [HostID: ISNSource] = [:]
        for host in HostID.allCases {
            let declared = isn[host] ?? .fixed(0)
            let word = draw[host]
            let random = ISNSource.fixed(UInt32(truncatingIfNeeded: word))
            switch fresh {
            case .random: result[host] = random
            case .no: result[host] = declared
            case .nearWrap:
                let below = 2 + word % (FreshISNPolicy.nearWrapSpan - 1)
                result[host] = .fixed(UInt32(truncatingIfNeeded: (1 << 32) - below))
            case .clock: result[host] = declared.rebooted(word) ?? random
            }
        }
        return result
    }
}

extension ISNSource {
    /// The same clock booted at another moment drawn from `word`; nil for a fixed ISN. The moment keeps the unit
    /// lessons state it in and stays below the clock's first wrap, so narration needs no "modulo 2^32":
    /// the 4.4BSD clock in whole minutes (1 + ticks × 64000 + connections × 64000 below 2^32, about 559 minutes),
    /// the 4 µs clocks in whole seconds (2^32 × 4 µs is about 17179 s).
    func rebooted(_ word: UInt64) -> ISNSource? {
        switch self {
        case .fixed: return nil
        case .bsdClock(_, let connections):
            let minutes = 1 + word % 540
            return .bsdClock(milliseconds: minutes * 60_000, connections: connections)
        case .rfc793Clock:
            return .rfc793Clock(milliseconds: (1 + word % 17_000) * 1000)
        case .rfc9293(_, let key):
            return .rfc9293(milliseconds: (1 + word % 17_000) * 1000, key: key)
        }
    }
}
