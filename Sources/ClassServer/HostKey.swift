import Crypto
import Foundation
import NIOSSH

/// The server's ed25519 host key, made on first start and kept in the data folder as OpenSSH keeps its own
/// (`host_ed25519_key`, mode 0600, and `host_ed25519_key.pub`), so that students see one fingerprint for the
/// whole course and `ssh-keygen -lf` reads both files.
public struct HostKey: Sendable {
    public static let privateFileName = "host_ed25519_key"
    public static let publicFileName = "host_ed25519_key.pub"
    static let algorithm = "ssh-ed25519"
    static let comment = "tcptutor-class"

    let key: Curve25519.Signing.PrivateKey

    /// What the server hands swift-nio-ssh.
    public var sshKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: key) }

    /// The public key as the SSH wire blob (RFC 8709 §4): `string "ssh-ed25519"`, `string key`.
    var publicBlob: [UInt8] {
        var writer = SSHWireWriter()
        writer.string(Self.algorithm)
        writer.string(Array(key.publicKey.rawRepresentation))
        return writer.bytes
    }

    /// `SHA256:` and the unpadded base64 of the blob's digest, as `ssh` and `ssh-keygen -l` print it.
    public var fingerprint: String {
        let digest = Array(SHA256.hash(data: publicBlob))
        var text = Data(digest).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return "SHA256:" + text
    }

    /// The line `ssh-keygen -l` prints for this key, for the start message.
    public var fingerprintLine: String { "256 \(fingerprint) \(Self.comment) (ED25519)" }

    /// The `.pub` file's one line (what a student may put in `known_hosts` after the address).
    public var publicLine: String { "\(Self.algorithm) \(Data(publicBlob).base64EncodedString()) \(Self.comment)" }

    /// Why the key could not be read or kept, with the file it is about.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the key kept in `folder`, or makes one and keeps it there when there is none yet.
    public static func loadOrCreate(in folder: String) throws(Problem) -> HostKey {
        let path = folder + "/" + privateFileName
        if FileManager.default.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Problem(description: "cannot read the host key \(path)")
            }
            do {
                return HostKey(key: try OpenSSHPrivateKeyFile.decode(text))
            } catch {
                throw Problem(description: "the host key \(path) is not an unencrypted OpenSSH ed25519 key: \(error)")
            }
        }
        let hostKey = HostKey(key: Curve25519.Signing.PrivateKey())
        try create(OpenSSHPrivateKeyFile.encode(hostKey.key, comment: comment), to: path, mode: 0o600)
        try create(hostKey.publicLine + "\n", to: folder + "/" + publicFileName, mode: 0o644)
        return hostKey
    }

    /// Writes `text` to a new file created with `mode` (never readable by others first and narrowed later).
    private static func create(_ text: String, to path: String, mode: mode_t) throws(Problem) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            throw Problem(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw Problem(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
