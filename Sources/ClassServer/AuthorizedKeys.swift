import Foundation
import NIOSSH

/// Public keys in OpenSSH's `authorized_keys` form (sshd(8), AUTHORIZED_KEYS FILE FORMAT): one per line,
/// `[options] type base64 [comment]`, blank lines and `#` comments skipped. ed25519 and ECDSA keys (what
/// swift-nio-ssh verifies); an RSA key is refused with that reason.
public enum AuthorizedKeys {
    static let types = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]

    /// A file's problems, each as `file:line: what is wrong`.
    public struct Problems: Error, CustomStringConvertible {
        public var lines: [String]
        public var description: String { lines.joined(separator: "\n") }
    }

    /// Reads every key in `path`; throws all the problems found (a file with none is one).
    public static func load(_ path: String) throws -> [NIOSSHPublicKey] {
        guard let text = TextFile.read(path) else {
            throw Problems(lines: ["\(path): cannot be read"])
        }
        var keys: [NIOSSHPublicKey] = []
        var problems: [String] = []
        for (index, line) in TextFile.lines(text).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            switch key(in: trimmed) {
            case .success(let key): keys.append(key)
            case .failure(let problem): problems.append("\(path):\(index + 1): \(problem.description)")
            }
        }
        if keys.isEmpty && problems.isEmpty { problems.append("\(path): holds no key") }
        guard problems.isEmpty else { throw Problems(lines: problems) }
        return keys
    }

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The key on one line: the first word that names a key type, and the base64 after it.
    static func key(in line: String) -> Result<NIOSSHPublicKey, Problem> {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words.contains(where: { $0 == "ssh-rsa" || $0 == "ssh-dss" }) {
            return .failure(
                Problem(description: "RSA and DSA keys are not accepted; use an ed25519 key (ssh-keygen -t ed25519)"))
        }
        guard let typeIndex = words.firstIndex(where: types.contains), typeIndex + 1 < words.count else {
            return .failure(Problem(description: "expected a public key such as 'ssh-ed25519 AAAA...'"))
        }
        do {
            return .success(try NIOSSHPublicKey(openSSHPublicKey: words[typeIndex] + " " + words[typeIndex + 1]))
        } catch {
            return .failure(Problem(description: "the \(words[typeIndex]) key cannot be read (\(error))"))
        }
    }
}
