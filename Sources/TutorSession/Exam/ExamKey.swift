import Crypto
import LessonKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The instructor's secret: every student's exam is derived from it and the student's id.
public struct ExamKey: Sendable {
    let key: SymmetricKey

    /// Keys shorter than this are refused: they could be guessed.
    public static let minimumLength = 16

    /// A key from raw bytes (trailing newlines and spaces, as an editor leaves them, are not part of it).
    public init(bytes: some Collection<UInt8>) throws(ExamError) {
        var bytes = Array(bytes)
        while let last = bytes.last, [0x0A, 0x0D, 0x20, 0x09].contains(last) { bytes.removeLast() }
        guard bytes.count >= Self.minimumLength else {
            throw ExamError.badKey(
                "the key has \(bytes.count) bytes; it needs at least \(Self.minimumLength) "
                    + "(for example: head -c 32 /dev/urandom > exam.key)")
        }
        key = SymmetricKey(data: bytes)
    }

    /// HMAC-SHA256 of `message` under this key.
    func mac(_ message: some DataProtocol) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
    }
}
