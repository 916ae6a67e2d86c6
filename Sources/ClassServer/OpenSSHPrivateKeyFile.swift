import Crypto
import Foundation

/// OpenSSH's own private key file (`openssh-key-v1`, PROTOCOL.key in OpenSSH's sources), unencrypted, holding
/// one ed25519 key: what `ssh-keygen -t ed25519 -N ''` writes, so the host key is an ordinary OpenSSH key.
enum OpenSSHPrivateKeyFile {
    static let begin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    static let end = "-----END OPENSSH PRIVATE KEY-----"
    static let magic = Array("openssh-key-v1".utf8) + [0]

    enum Problem: Error, CustomStringConvertible {
        case notPEM, badMagic, encrypted, notOneKey, notEd25519, checkMismatch, truncated

        var description: String {
            switch self {
            case .notPEM: return "no OPENSSH PRIVATE KEY block"
            case .badMagic: return "not an openssh-key-v1 file"
            case .encrypted: return "the key has a passphrase"
            case .notOneKey: return "the file holds more or less than one key"
            case .notEd25519: return "the key is not ssh-ed25519"
            case .checkMismatch: return "the key's check numbers differ (damaged file)"
            case .truncated: return "the file is cut short"
            }
        }
    }

    static func encode(_ key: Curve25519.Signing.PrivateKey, comment: String) -> String {
        let publicKey = Array(key.publicKey.rawRepresentation)
        var blob = SSHWireWriter()
        blob.string(HostKey.algorithm)
        blob.string(publicKey)
        var secret = SSHWireWriter()
        let check = UInt32.random(in: .min ... .max)
        secret.uint32(check)
        secret.uint32(check)
        secret.string(HostKey.algorithm)
        secret.string(publicKey)
        // The "private key" field is the 32-byte seed followed by the public key, as in OpenSSH.
        secret.string(Array(key.rawRepresentation) + publicKey)
        secret.string(comment)
        var pad: UInt8 = 1
        while secret.bytes.count % 8 != 0 {
            secret.raw([pad])
            pad += 1
        }
        var file = SSHWireWriter()
        file.raw(magic)
        file.string("none")
        file.string("none")
        file.string([UInt8]())
        file.uint32(1)
        file.string(blob.bytes)
        file.string(secret.bytes)
        let base64 = Data(file.bytes).base64EncodedString()
        var lines = [begin]
        var start = base64.startIndex
        while start < base64.endIndex {
            let stop = base64.index(start, offsetBy: 70, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[start..<stop]))
            start = stop
        }
        lines.append(end)
        return lines.joined(separator: "\n") + "\n"
    }

    static func decode(_ text: String) throws(Problem) -> Curve25519.Signing.PrivateKey {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.firstIndex(of: begin), let last = lines.firstIndex(of: end), first < last,
            let bytes = Data(base64Encoded: lines[(first + 1)..<last].joined())
        else { throw .notPEM }
        do {
            var reader = SSHWireReader(Array(bytes))
            guard try reader.raw(count: magic.count) == magic else { throw Problem.badMagic }
            guard try reader.string() == Array("none".utf8), try reader.string() == Array("none".utf8) else {
                throw Problem.encrypted
            }
            _ = try reader.string()
            guard try reader.uint32() == 1 else { throw Problem.notOneKey }
            _ = try reader.string()
            var secret = SSHWireReader(try reader.string())
            guard try secret.uint32() == secret.uint32() else { throw Problem.checkMismatch }
            guard try secret.string() == Array(HostKey.algorithm.utf8) else { throw Problem.notEd25519 }
            _ = try secret.string()
            let pair = try secret.string()
            guard pair.count == 64, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: pair[0..<32])
            else { throw Problem.notEd25519 }
            return key
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .truncated
        }
    }
}
