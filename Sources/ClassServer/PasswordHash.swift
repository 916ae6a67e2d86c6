import Crypto
import Foundation
import _CryptoExtras

/// A roster password as the server keeps it: PBKDF2-HMAC-SHA256 with a random salt (RFC 8018 §5.2), written
/// `$pbkdf2-sha256$ROUNDS$SALT$HASH` (base64 salt and hash) as passlib and Django write theirs. The server never
/// keeps a password itself, only this; a roster may hold these lines already.
public struct PasswordHash: Sendable, Equatable, CustomStringConvertible {
    static let scheme = "pbkdf2-sha256"
    /// OWASP's figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023): slow enough that a stolen
    /// roster.csv cannot be tried against a dictionary quickly, about a third of a second per login here.
    public static let defaultRounds = 600_000
    static let outputBytes = 32

    let rounds: Int
    let salt: [UInt8]
    let hash: [UInt8]

    /// Hashes `password` with a fresh 16-byte salt.
    public init(hashing password: String, rounds: Int = defaultRounds) {
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max) }
        self.init(rounds: rounds, salt: salt, hash: Self.derive(password, salt: salt, rounds: rounds))
    }

    init(rounds: Int, salt: [UInt8], hash: [UInt8]) {
        self.rounds = rounds
        self.salt = salt
        self.hash = hash
    }

    /// Reads the `$pbkdf2-sha256$...` form; nil when `text` is not in it.
    public init?(_ text: String) {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == Self.scheme, let rounds = Int(parts[2]),
            (1...100_000_000).contains(rounds), let salt = Data(base64Encoded: String(parts[3])), salt.count >= 8,
            let hash = Data(base64Encoded: String(parts[4])), hash.count == Self.outputBytes
        else { return nil }
        self.init(rounds: rounds, salt: Array(salt), hash: Array(hash))
    }

    /// Compared with when the id is not on the roster, so that a wrong id takes as long as a wrong password.
    static let decoy = PasswordHash(hashing: String(UInt64.random(in: .min ... .max)))

    /// Whether the text starts like a hash (so that a malformed one is reported, not taken as a password).
    static func looksLikeHash(_ text: String) -> Bool { text.hasPrefix("$\(scheme)$") }

    public var description: String {
        "$\(Self.scheme)$\(rounds)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// Whether `password` is the one hashed, compared in constant time. Slow on purpose: call it off the event
    /// loops.
    public func matches(_ password: String) -> Bool {
        let candidate = Self.derive(password, salt: salt, rounds: rounds)
        var difference: UInt8 = 0
        for (left, right) in zip(candidate, hash) { difference |= left ^ right }
        return difference == 0 && candidate.count == hash.count
    }

    private static func derive(_ password: String, salt: [UInt8], rounds: Int) -> [UInt8] {
        // `unsafeUncheckedRounds`: the rounds of a hash read back are whatever it was made with.
        let key = try? KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: outputBytes,
            unsafeUncheckedRounds: rounds)
        return key?.withUnsafeBytes { Array($0) } ?? []
    }
}
