import Crypto
import TCPCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The ISN generators the lessons teach, from 4.4BSD's counter to RFC 9293 §3.4.1.
public enum ISNClock {
    /// The value a source gives for a connection from `local` to `remote`.
    public static func value(of source: ISNSource, local: HostAddress, remote: HostAddress) -> SequenceNumber {
        switch source {
        case .fixed(let value):
            return SequenceNumber(value)
        case .bsdClock(let milliseconds, let connections):
            // 1 at boot, +64000 each half-second tick, +64000 per connection; all modulo 2^32.
            let ticks = UInt32(truncatingIfNeeded: milliseconds / 500)
            return SequenceNumber(1 &+ 64_000 &* ticks &+ 64_000 &* connections)
        case .rfc793Clock(let milliseconds):
            return SequenceNumber(microsecondClock(milliseconds))
        case .rfc9293(let milliseconds, let key):
            // ISN = M + F(localip, localport, remoteip, remoteport, secretkey) (MUST-8, SHLD-1, MUST-9).
            return SequenceNumber(
                microsecondClock(milliseconds) &+ keyedHash(local: local, remote: remote, key: key))
        }
    }

    /// RFC 793's clock: one tick every 4 microseconds, modulo 2^32.
    static func microsecondClock(_ milliseconds: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: milliseconds &* 250)
    }

    /// F(): the first 32 bits of HMAC-SHA256 over the connection's addresses and ports.
    public static func keyedHash(local: HostAddress, remote: HostAddress, key: String) -> UInt32 {
        let message = Data("\(local.address)|\(local.port)|\(remote.address)|\(remote.port)".utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(key.utf8)))
        return Array(mac).prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// ISNs drawn from a seed, reproducibly (SplitMix64): the same lesson with fresh numbers.
    public static func seeded(_ seed: UInt64) -> [HostID: SequenceNumber] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return [
            .a: SequenceNumber(UInt32(truncatingIfNeeded: next())),
            .b: SequenceNumber(UInt32(truncatingIfNeeded: next())),
        ]
    }
}
