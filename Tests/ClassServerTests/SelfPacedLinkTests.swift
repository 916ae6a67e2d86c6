import ClassLink
import ClassStore
import Foundation
import Testing
import TutorSession
import TutorStorage

@testable import ClassServer

/// A self-paced class's sessions: each runs on the class link with the book the store keeps, the tutor gets no
/// folder to write in, and a book a student kept in a file before the server kept progress in its store is
/// brought in once, at their first login.
struct SelfPacedLinkTests {
    /// A data folder with its store, as `serve` opens it, and the launch for its students.
    struct Class {
        let folder: String
        let store: SQLiteClassStore
        let launch: TutorLaunch

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("class-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            store = try SQLiteClassStore(directory: folder)
            launch = TutorLaunch(
                executable: "/bin/true", arguments: [], store: store, studentsFolder: folder + "/students",
                inherited: ["LANG": "C.UTF-8"])
        }

        /// The hello `student`'s session would get; the link is closed again.
        func hello(_ student: String) throws -> Hello {
            let link = try launch.link(
                for: try StudentID(userName: student), instructor: false, language: "", log: ClassLog())
            link.server.closeTutorEnd()
            return link.hello
        }

        /// Keeps `book` where the server kept `student`'s progress before it had a store, as its tutor did.
        func keepInFile(_ book: ProgressBook, for student: String) throws {
            let file = ProgressFileImport(studentsFolder: launch.studentsFolder, store: store)
                .file(for: try StudentID(userName: student))
            try ProgressStore(fileURL: URL(fileURLWithPath: file)).save(book)
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    static func book(step: Int) -> ProgressBook {
        var book = ProgressBook()
        book.record(lessonID: "three-way-handshake", step: step, stepCount: 9)
        return book
    }

    static func decoded(_ bytes: [UInt8]) throws -> ProgressBook {
        try ProgressBookFormat.decode(bytes).get()
    }

    @Test func aSelfPacedSessionGetsTheStoresBookOverTheLink() throws {
        let room = try Class()
        defer { room.remove() }
        let fresh = try room.hello("Ada")
        #expect(fresh.mode == .selfPaced && fresh.student == "ada" && fresh.book.isEmpty)
        try room.store.saveProgress(ProgressBookFormat.encode(Self.book(step: 4)), student: "ada", at: 1)
        #expect(try Self.decoded(room.hello("ada").book) == Self.book(step: 4))
        #expect(try room.hello("bob").book.isEmpty, "Bob gets none of Ada's progress")
        #expect(!FileManager.default.fileExists(atPath: room.launch.studentsFolder), "nothing is made for a student")
    }

    @Test func aBookKeptInAFileBeforeIsBroughtIntoTheStoreOnce() throws {
        let room = try Class()
        defer { room.remove() }
        try room.keepInFile(Self.book(step: 3), for: "ada")
        let first = try room.hello("ada")
        #expect(try Self.decoded(first.book) == Self.book(step: 3), "the first login starts where the file left off")
        #expect(try room.store.progress(student: "ada") == first.book, "and the book is in the store now")

        // Once in the store, the store's book is the one: the file is read no more.
        try room.store.saveProgress(ProgressBookFormat.encode(Self.book(step: 6)), student: "ada", at: 2)
        try room.keepInFile(Self.book(step: 1), for: "ada")
        #expect(try Self.decoded(room.hello("ada").book) == Self.book(step: 6))
        #expect(try room.hello("bob").book.isEmpty, "a student with no file starts afresh")
    }

    @Test func aFileThatIsNoBookIsLeftAloneAndTheStudentStartsAfresh() throws {
        let room = try Class()
        defer { room.remove() }
        let file = ProgressFileImport(studentsFolder: room.launch.studentsFolder, store: room.store)
            .file(for: try StudentID(userName: "ada"))
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: file).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try Data("{ not a book".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try room.hello("ada").book.isEmpty)
        #expect(try room.store.progress(student: "ada") == nil)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "{ not a book", "the file is kept as it was")
    }

    @Test func theTutorGetsNoFolderToWriteInWhateverTheClientSends() throws {
        let room = try Class()
        defer { room.remove() }
        let environment = room.launch.environment(
            for: try StudentID(userName: "Ada"), term: "xterm-256color",
            clientVariables: ["LANG": "zh_CN.UTF-8", "XDG_STATE_HOME": "/tmp/elsewhere", "PATH": "/tmp"])
        #expect(environment["HOME"] == "/nonexistent")
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent"))
        #expect(environment["XDG_STATE_HOME"] == nil)
        #expect(environment["PATH"] == "/usr/bin:/bin")
        #expect(environment["LANG"] == "zh_CN.UTF-8")
        #expect(environment["TERM"] == "xterm-256color")
        #expect(environment["TCPTUTOR_STUDENT"] == "ada")
    }
}
