import ClassLink
import ClassStore
import Foundation
import TCPTutorTestSupport
import Testing
import TutorSession
import TutorStorage

#if canImport(Glibc)
    import Glibc
#endif

/// The real `tcptutor` started as the class server starts it: one end of a socketpair as descriptor 3, named in
/// `TCPTUTOR_CLASS_LINK`, the server's side played by `StudentLinkRequests` on a real store. Its progress goes to
/// the server and comes back from it; nothing is written on the machine the tutor runs on.
@Suite("The tutor program over the class link")
struct TutorProgramOverLinkTests {
    /// Runs `tcptutor --plain` with `input` and the link on descriptor 3; returns its output and the requests the
    /// server saw.
    static func run(
        _ input: String, store: SQLiteClassStore, home: URL
    ) throws -> (output: String, requests: [ClassMessage]) {
        let (tutorEnd, serverEnd) = try SocketPair.make()
        let server = TestThread {
            ClassLinkEffectsTests.serve(serverEnd, store: store, exam: nil, mode: .selfPaced)
        }
        var environment = TutorProgram.environment(home: home)
        environment["TCPTUTOR_CLASS_LINK"] = "3"
        let output = home.appendingPathComponent("output")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let outputFile = open(output.path, O_WRONLY)
        var inputPipe: [Int32] = [-1, -1]
        try #require(pipe(&inputPipe) == 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outputFile, 1)
        posix_spawn_file_actions_adddup2(&actions, outputFile, 2)
        // dup2 clears close-on-exec: descriptor 3 is the only other one the tutor inherits.
        posix_spawn_file_actions_adddup2(&actions, tutorEnd, 3)
        let path = try TutorProgram.path()
        let argv = [path, "--plain"].map { $0.withCString { strdup($0) } } + [nil]
        let envp = environment.map { "\($0.key)=\($0.value)".withCString { strdup($0) } } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        try #require(posix_spawn(&pid, path, &actions, nil, argv, envp) == 0)
        close(tutorEnd)
        close(outputFile)
        close(inputPipe[0])
        _ = input.utf8CString.withUnsafeBufferPointer { write(inputPipe[1], $0.baseAddress, input.utf8.count) }
        close(inputPipe[1])
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let requests = server.join()
        close(serverEnd)
        return (try String(contentsOf: output, encoding: .utf8), requests)
    }

    @Test("the progress of a lesson is stored on the server, comes back at the next start, and no file is written")
    func progressLivesOnTheServer() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)

        // Lesson 2, three steps on, back to the menu, quit.
        let first = try Self.run("2\n\n\n\nq\nq\n", store: store, home: home)
        #expect(first.output.contains("2. The three-way handshake (at step 3 of 12)"), "\(first.output)")
        #expect(first.requests.contains { if case .saveProgress = $0 { true } else { false } })
        let bytes = try #require(try store.progress(student: "ada"))
        let book = try ProgressBookFormat.decode(bytes).get()
        #expect(book["three-way-handshake"]?.step == 2)
        let files = FileManager.default.enumerator(atPath: home.path)?.allObjects as? [String] ?? []
        #expect(!files.contains { $0.hasSuffix("progress.json") }, "\(files)")

        // The next start shows where the student stopped, from the server's book.
        let second = try Self.run("q\n", store: store, home: home)
        #expect(second.output.contains("2. The three-way handshake (at step 3 of 12)"), "\(second.output)")
    }
}
