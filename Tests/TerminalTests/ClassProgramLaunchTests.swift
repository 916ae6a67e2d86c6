import Foundation
import TCPTutorTestSupport
import Testing

/// `tcptutor class ...` runs `tcptutor-class` from its own folder; without it, the user is told what to build.
struct ClassProgramLaunchTests {
    @Test func aTutorWithoutTheClassServerBesideItSaysHowToBuildIt() throws {
        let folder = try TemporaryFolder.make("class-launch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("tcptutor").path
        // A hard link, not a copy: a copy is written through a descriptor that a child process forked meanwhile by
        // another test may still hold, and running it would then fail with "Text file busy".
        do {
            try FileManager.default.linkItem(atPath: try TutorProgram.path(), toPath: copy)
        } catch {
            try FileManager.default.copyItem(atPath: try TutorProgram.path(), toPath: copy)
        }
        let result = try TutorProgram.run(["class", "serve", "--help"], executable: copy)
        #expect(result.status == 1, "\(result.text)")
        #expect(result.errors.contains("\(folder.path)/tcptutor-class is missing"), "\(result.errors)")
        #expect(result.errors.contains("swift build --product tcptutor-class"), "\(result.errors)")
    }

    @Test func theClassServerBesideTheTutorGetsTheArgumentsAsGiven() throws {
        let result = try TutorProgram.run(["class", "serve", "--help"])
        #expect(result.status == 0, "\(result.text)")
        #expect(result.output.contains("USAGE: tcptutor class serve --data <dir>"), "\(result.output)")
        #expect(result.output.contains("--roster <file>") && result.output.contains("--max-sessions <n>"))
    }
}
