import Crypto
import Foundation
import Testing

@testable import ClassServer

/// The host key files: OpenSSH's formats, read back as written, made once and then kept.
struct HostKeyTests {
    func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostkey-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func thePrivateKeyFileReadsBackAsTheSameKey() throws {
        let key = Curve25519.Signing.PrivateKey()
        let text = OpenSSHPrivateKeyFile.encode(key, comment: "test")
        #expect(text.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 70 }, "lines wrapped at 70 as OpenSSH does")
        #expect(try OpenSSHPrivateKeyFile.decode(text).rawRepresentation == key.rawRepresentation)
    }

    @Test func aDamagedKeyFileIsRefusedWithTheReason() throws {
        #expect(throws: OpenSSHPrivateKeyFile.Problem.notPEM) { try OpenSSHPrivateKeyFile.decode("hello") }
        let text = OpenSSHPrivateKeyFile.encode(Curve25519.Signing.PrivateKey(), comment: "test")
        let lines = text.split(separator: "\n")
        // Whole base64 groups, so that what is left decodes but ends inside the key.
        let cut = [lines[0], lines[1].prefix(68), lines[lines.count - 1]].joined(separator: "\n")
        #expect(throws: OpenSSHPrivateKeyFile.Problem.truncated) { try OpenSSHPrivateKeyFile.decode(cut) }
    }

    @Test func theKeyIsMadeOnceThenKept() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try HostKey.loadOrCreate(in: folder)
        let kept = try HostKey.loadOrCreate(in: folder)
        #expect(made.fingerprint == kept.fingerprint)
        #expect(made.fingerprint.hasPrefix("SHA256:") && !made.fingerprint.hasSuffix("="))
        let publicLine = try String(contentsOfFile: folder + "/" + HostKey.publicFileName, encoding: .utf8)
        #expect(publicLine == made.publicLine + "\n")
    }

    @Test func anUnreadableKeyIsNotReplacedSilently() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "not a key".write(toFile: folder + "/" + HostKey.privateFileName, atomically: true, encoding: .utf8)
        #expect(throws: HostKey.Problem.self) { try HostKey.loadOrCreate(in: folder) }
        #expect(try String(contentsOfFile: folder + "/" + HostKey.privateFileName, encoding: .utf8) == "not a key")
    }
}
