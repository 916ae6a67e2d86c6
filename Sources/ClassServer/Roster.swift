import Foundation
import NIOSSH

/// `--roster FILE`: who may log in, and how. One entry a line, `id,password` or `id,ssh-ed25519 AAAA... [comment]`
/// (an id may have several lines: a password and keys), or `id,$pbkdf2-sha256$...` for a password hashed
/// already; blank lines, `#` comments and a first line `id,password` are skipped. Everything after the first
/// comma is the password, commas and spaces included. Passwords are hashed as the file is read; only hashes
/// stay in memory and on disk (`DIR/roster.csv`, written with the keys, mode 0600).
public struct Roster: Sendable {
    /// What one student may log in with.
    public struct Entry: Sendable {
        public var passwords: [PasswordHash] = []
        public var keys: [NIOSSHPublicKey] = []
    }

    public private(set) var entries: [StudentID: Entry] = [:]
    /// How many passwords the file held in plain text (hashed as it was read).
    public private(set) var plainPasswords = 0

    public static let keptFileName = "roster.csv"

    /// A roster's problems, each as `file:line: what is wrong`, all of them.
    public struct Problems: Error, CustomStringConvertible {
        public var lines: [String]
        public var description: String { lines.joined(separator: "\n") }
    }

    /// Reads and checks `path`, hashing its plain passwords with `rounds`.
    public static func load(_ path: String, rounds: Int = PasswordHash.defaultRounds) throws(Problems) -> Roster {
        guard let text = TextFile.read(path) else { throw Problems(lines: ["\(path): cannot be read"]) }
        return try parse(text, file: path, rounds: rounds)
    }

    static func parse(_ text: String, file: String, rounds: Int) throws(Problems) -> Roster {
        var roster = Roster()
        var problems: [String] = []
        var plain: [(StudentID, String)] = []
        for (index, line) in TextFile.lines(text).enumerated() {
            let place = "\(file):\(index + 1)"
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if index == 0 && trimmed.lowercased().replacingOccurrences(of: " ", with: "") == "id,password" { continue }
            guard let comma = line.firstIndex(of: ",") else {
                problems.append("\(place): expected 'id,password' or 'id,ssh-ed25519 AAAA...', found no comma")
                continue
            }
            let name = line[..<comma].trimmingCharacters(in: .whitespaces)
            let secret = String(line[line.index(after: comma)...])
            let id: StudentID
            do {
                id = try StudentID(userName: name)
            } catch {
                problems.append("\(place): '\(name)' is not a student id: \(error.description)")
                continue
            }
            if id.value == LoginGate.instructorName {
                problems.append(
                    "\(place): 'instructor' is not a student id: the instructor logs in with a key from --instructor-key"
                )
                continue
            }
            let value = secret.trimmingCharacters(in: .whitespaces)
            if value.isEmpty {
                problems.append("\(place): the password for '\(id)' is empty")
            } else if AuthorizedKeys.types.contains(where: { value.hasPrefix($0 + " ") })
                || value.hasPrefix("ssh-rsa ") || value.hasPrefix("ssh-dss ")
            {
                switch AuthorizedKeys.key(in: value) {
                case .success(let key): roster.entries[id, default: Entry()].keys.append(key)
                case .failure(let problem): problems.append("\(place): \(problem.description)")
                }
            } else if PasswordHash.looksLikeHash(value) {
                guard let hash = PasswordHash(value) else {
                    problems.append(
                        "\(place): a hashed password is written $pbkdf2-sha256$ROUNDS$SALT$HASH (base64 salt, 32-byte hash)"
                    )
                    continue
                }
                roster.entries[id, default: Entry()].passwords.append(hash)
            } else {
                // The password as written (spaces inside and at the ends are part of it).
                plain.append((id, secret))
            }
        }
        guard problems.isEmpty else { throw Problems(lines: problems) }
        guard !plain.isEmpty || !roster.entries.isEmpty else { throw Problems(lines: ["\(file): lists no student"]) }
        for (id, hash) in hashAll(plain, rounds: rounds) { roster.entries[id, default: Entry()].passwords.append(hash) }
        roster.plainPasswords = plain.count
        return roster
    }

    /// Hashes on every core (a class of 30 plain passwords takes seconds on one).
    private static func hashAll(_ plain: [(StudentID, String)], rounds: Int) -> [(StudentID, PasswordHash)] {
        let results = HashResults([PasswordHash?](repeating: nil, count: plain.count))
        DispatchQueue.concurrentPerform(iterations: plain.count) { index in
            let hash = PasswordHash(hashing: plain[index].1, rounds: rounds)
            results.lock.withLock { results.value[index] = hash }
        }
        return zip(plain, results.value).map { ($0.0, $1!) }
    }

    /// The roster as the server keeps it: hashes and keys, no password.
    public var keptText: String {
        var lines = ["# tcptutor class roster: passwords hashed (PBKDF2-SHA256), never kept in plain text"]
        for (id, entry) in entries.sorted(by: { $0.key.value < $1.key.value }) {
            lines += entry.passwords.map { "\(id),\($0)" }
            lines += entry.keys.map { "\(id),\(String(openSSHPublicKey: $0))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `keptText` to `folder/roster.csv` (mode 0600, replaced atomically) and returns its path.
    public func keepHashed(in folder: String) throws(Problems) -> String {
        let path = folder + "/" + Self.keptFileName
        let temporary = path + ".new"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw Problems(lines: ["cannot write \(temporary): \(String(cString: strerror(errno)))"])
        }
        let bytes = Array(keptText.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            throw Problems(lines: ["cannot write \(path): \(String(cString: strerror(errno)))"])
        }
        return path
    }

    /// The start message's line on the roster.
    public func summary(keptIn kept: String, from file: String) -> String {
        let keys = entries.values.reduce(0) { $0 + $1.keys.count }
        var line = "Roster: \(entries.count) students, \(keys) keys; passwords kept hashed in \(kept)"
        if plainPasswords > 0 && kept != file {
            line += " (\(file) holds \(plainPasswords) in plain text: delete it and start with --roster \(kept))"
        }
        return line
    }
}

/// A value written from several threads under its lock (the hashes made in parallel).
final class HashResults<Value>: @unchecked Sendable {
    var value: Value
    let lock = NSLock()
    init(_ value: Value) { self.value = value }
}
