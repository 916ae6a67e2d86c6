import Crypto
import TCPCore
import TimelineKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The values the ISN generators give, RFC 9293 §3.4.1's keyed hash included.
extension ISNClock {
    /// The value a source gives for a connection from `local` to `remote`.
    public static func value(of source: ISNSource, local: HostAddress, remote: HostAddress) -> SequenceNumber {
        switch source {
        case .fixed(let value):
            return SequenceNumber(value)
        case .bsdClock(let milliseconds, let connections):
            // 1 at boot, +64000 each half-second tick, +64000 per connection; all modulo 2^32.
            let ticks = UInt32(truncatingIfNeeded: milliseconds / 500)
            return SequenceNumber(1 &+ bsdStep &* ticks &+ bsdStep &* connections)
        case .rfc793Clock(let milliseconds):
            return SequenceNumber(microsecondClock(milliseconds))
        case .rfc9293(let milliseconds, let key):
            // ISN = M + F(localip, localport, remoteip, remoteport, secretkey) (MUST-8, SHLD-1, MUST-9).
            return SequenceNumber(
                microsecondClock(milliseconds) &+ keyedHash(local: local, remote: remote, key: key))
        }
    }

    /// F(): the first 32 bits of HMAC-SHA256 over the connection's addresses and ports.
    public static func keyedHash(local: HostAddress, remote: HostAddress, key: String) -> UInt32 {
        let message = Data("\(local.address)|\(local.port)|\(remote.address)|\(remote.port)".utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(key.utf8)))
        return Array(mac).prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }
}

extension ClockReading {
    /// The reading of `source` for a connection from `local` to `remote`; nil for a fixed ISN.
    public init?(_ source: ISNSource, local: HostAddress, remote: HostAddress) {
        var hash: UInt32?
        if case .rfc9293(_, let key) = source { hash = ISNClock.keyedHash(local: local, remote: remote, key: key) }
        self.init(source, value: ISNClock.value(of: source, local: local, remote: remote).rawValue, hash: hash)
    }
}
