import TCPCore

/// Where a lesson's ISN comes from: a number, or one of the clocks the ISN lesson teaches.
public enum ISNSource: Hashable, Sendable {
    case fixed(UInt32)
    /// 4.4BSD: starts at 1, +64000 every half-second since boot, +64000 per new connection (TCP/IP Illustrated).
    case bsdClock(milliseconds: UInt64, connections: UInt32)
    /// RFC 793: a clock that ticks every 4 microseconds, modulo 2^32.
    case rfc793Clock(milliseconds: UInt64)
    /// RFC 9293 §3.4.1: the 4 µs clock plus a keyed hash of the connection's addresses and ports.
    case rfc9293(milliseconds: UInt64, key: String)
}

extension ISNSource {
    /// Whether the ISN is a clock's value rather than a number written in the lesson.
    public var isClock: Bool {
        if case .fixed = self { return false }
        return true
    }
}

/// The ISN generators the lessons teach, from 4.4BSD's counter to RFC 9293 §3.4.1: the clock arithmetic here,
/// the keyed hash of RFC 9293's generator with the lessons (LessonKit), which alone link a cryptography library.
public enum ISNClock {
    /// What 4.4BSD adds every half second and for every new connection (TCP/IP Illustrated).
    public static let bsdStep: UInt32 = 64_000

    /// RFC 793's clock: one tick every 4 microseconds, modulo 2^32.
    public static func microsecondClock(_ milliseconds: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: milliseconds &* 250)
    }
}

/// The numbers behind a clock's ISN, which narration names with `{A.clock.minutes}`-style placeholders and quiz
/// feedback shows as arithmetic, so that a clock lesson's sums are computed, never typed.
public struct ClockReading: Hashable, Sendable {
    public var source: ISNSource
    /// The ISN this reading gives.
    public var value: UInt32
    /// Time since boot.
    public var milliseconds: UInt64
    /// 4.4BSD: half-second ticks since boot; RFC 793 and RFC 9293: M, the 4 µs ticks modulo 2^32.
    public var ticks: UInt64
    /// 4.4BSD only: connections opened since boot before this one.
    public var connections: UInt32?
    /// RFC 9293 only: F(localip, localport, remoteip, remoteport, secretkey).
    public var hash: UInt32?

    /// The reading of `source` whose ISN is `value`, with `hash` the keyed hash F() of RFC 9293's generator;
    /// nil for a fixed ISN.
    public init?(_ source: ISNSource, value: UInt32, hash: UInt32? = nil) {
        self.source = source
        self.value = value
        switch source {
        case .fixed: return nil
        case .bsdClock(let milliseconds, let connections):
            self.milliseconds = milliseconds
            ticks = milliseconds / 500
            self.connections = connections
        case .rfc793Clock(let milliseconds):
            self.milliseconds = milliseconds
            ticks = UInt64(ISNClock.microsecondClock(milliseconds))
        case .rfc9293(let milliseconds, _):
            self.milliseconds = milliseconds
            ticks = UInt64(ISNClock.microsecondClock(milliseconds))
            self.hash = hash
        }
    }

    public var minutes: UInt64 { milliseconds / 60_000 }
    public var seconds: UInt64 { milliseconds / 1000 }

    /// 4.4BSD: the ISN the connection before this one got (64000 less); nil for other clocks or the first
    /// connection since boot.
    public var previous: UInt32? {
        guard let connections, connections > 0 else { return nil }
        return value &- ISNClock.bsdStep
    }

    /// How the value is computed, as a student would write it: `1 + 4560 × 64000 = 291840001`,
    /// `1 + 14400 × 64000 + 7 × 64000 = 922048001`, `M + F = 2500000 + 1246804348 = 1249304348`; with
    /// `showResult` false the result is a `?` (a hint).
    public func arithmetic(showResult: Bool = true) -> String {
        let text: String
        let exact: UInt64
        switch source {
        case .fixed: return showResult ? String(value) : "?"
        case .bsdClock:
            let step = UInt64(ISNClock.bsdStep)
            var sum = "1 + \(ticks) × \(step)"
            if let connections, connections > 0 { sum += " + \(connections) × \(step)" }
            text = sum
            exact = 1 + ticks * step + UInt64(connections ?? 0) * step
        case .rfc793Clock:
            text = "\(milliseconds) ms × 250"
            exact = milliseconds * 250
        case .rfc9293:
            text = "M + F = \(ticks) + \(hash ?? 0)"
            exact = ticks + UInt64(hash ?? 0)
        }
        guard showResult else { return text + " = ?" }
        return text + " = \(value)" + (exact > UInt64(UInt32.max) ? " (mod 2^32)" : "")
    }

    /// The clock's name: "4.4BSD clock", "RFC 793 clock", "RFC 9293 clock and keyed hash".
    public var name: LocalizedText {
        switch source {
        case .fixed: LocalizedText(en: "fixed ISN", zh: "固定的初始序列号")
        case .bsdClock: LocalizedText(en: "4.4BSD clock", zh: "4.4BSD时钟")
        case .rfc793Clock: LocalizedText(en: "RFC 793 clock", zh: "RFC 793时钟")
        case .rfc9293: LocalizedText(en: "RFC 9293 clock and keyed hash", zh: "RFC 9293时钟加带密钥哈希")
        }
    }

    /// The clock in words, for a question's setting: "4.4BSD clock, booted 38 minutes ago, no connection since".
    public var setting: LocalizedText {
        switch source {
        case .fixed:
            return LocalizedText(en: "ISN \(value)", zh: "初始序列号\(value)")
        case .bsdClock:
            let count = connections ?? 0
            let since =
                count == 0
                ? LocalizedText(en: "no connection opened since", zh: "其间没有建立过连接")
                : LocalizedText(en: "\(count) connections opened since", zh: "其间已建立\(count)条连接")
            return LocalizedText(
                en: "4.4BSD clock (1 at boot, +64000 every 0.5 s and per connection), booted \(duration(.en)) ago, "
                    + since.en,
                zh: "4.4BSD时钟（开机时为1，每0.5秒及每建立一条连接加64000），已开机\(duration(.zh))，" + since.zh)
        case .rfc793Clock:
            return LocalizedText(
                en: "RFC 793 clock (+1 every 4 µs since boot), booted \(duration(.en)) ago",
                zh: "RFC 793时钟（开机起每4微秒加一），已开机\(duration(.zh))")
        case .rfc9293:
            return LocalizedText(
                en: "RFC 9293 §3.4.1: 4 µs clock plus a keyed hash, booted \(duration(.en)) ago",
                zh: "RFC 9293 §3.4.1：4微秒时钟加带密钥哈希，已开机\(duration(.zh))")
        }
    }

    /// Whole minutes when the time is a whole number of minutes, else seconds, else milliseconds.
    func duration(_ language: Language) -> String {
        if milliseconds % 60_000 == 0 { return language == .zh ? "\(minutes)分钟" : "\(minutes) minutes" }
        if milliseconds % 1000 == 0 { return language == .zh ? "\(seconds)秒" : "\(seconds) s" }
        return language == .zh ? "\(milliseconds)毫秒" : "\(milliseconds) ms"
    }
}
