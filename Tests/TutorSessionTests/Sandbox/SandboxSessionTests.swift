import LessonKit
import TCPCore
import Testing
import TimelineKit

@testable import TutorSession

@Suite("The sandbox session: the command line and its keys")
struct SandboxSessionTests {
    func type(_ text: String, into session: inout SandboxSession) -> [Effect] {
        text.flatMap { session.update(.key(.character($0))) }
    }

    @Test("typed characters go on the line, Enter runs it, Up brings it back")
    func typingAndRunning() throws {
        var session = SandboxSession(sandbox: try freshSandbox(), language: .en)
        _ = type("B listen", into: &session)
        #expect(session.lineText == "B listen" && session.cursor == 8)
        #expect(session.update(.key(.enter)) == [])
        #expect(session.lineText.isEmpty && session.outcome == .stepped && session.lastCommand == "B listen")
        #expect(session.sandbox.run.simulation[.b].state == .listen)
        _ = session.update(.key(.up))
        #expect(session.lineText == "B listen")
        _ = session.update(.key(.down))
        #expect(session.lineText.isEmpty)
    }

    @Test("t, l and ? act on an empty line and are typed on a line that has text")
    func lettersOnEmptyLine() throws {
        var session = SandboxSession(sandbox: try freshSandbox(), language: .en)
        _ = session.update(.key(.character("t")))
        #expect(session.showsTCB && session.lineText.isEmpty)
        _ = session.update(.key(.character("l")))
        #expect(session.language == .zh)
        _ = session.update(.key(.character("?")))
        #expect(session.showsHelp)
        _ = session.update(.key(.escape))
        #expect(!session.showsHelp)
        _ = type("A ", into: &session)
        _ = session.update(.key(.character("t")))
        #expect(session.lineText == "A t" && session.showsTCB)
    }

    @Test("on a line with text every printable character is typed: no letter, digit or mark is a key there")
    func printableCharactersAreTyped() {
        let printable = (32...126).map { Character(UnicodeScalar(UInt8($0))) } + ["中", "文"]
        for character in printable {
            #expect(SandboxKeys.action(for: .character(character), lineIsEmpty: false) == nil, "\(character)")
        }
        #expect(SandboxKeys.action(for: .character("t"), lineIsEmpty: true) == .tcb)
    }

    @Test("editing keys move and erase at the cursor; Tab completes at the cursor")
    func editing() throws {
        var session = SandboxSession(sandbox: try freshSandbox(), language: .en)
        _ = type("A conect", into: &session)
        for _ in 1...3 { _ = session.update(.key(.left)) }
        _ = type("n", into: &session)
        #expect(session.lineText == "A connect" && session.cursor == 6)
        _ = session.update(.key(.end))
        _ = session.update(.key(.backspace))
        _ = session.update(.key(.home))
        _ = session.update(.key(.delete))
        #expect(session.lineText == " connec")
        _ = session.update(.key(.escape))
        _ = type("A c", into: &session)
        _ = session.update(.key(.character("\t")))
        #expect(session.lineText == "A connect " && session.candidates.isEmpty)
        _ = session.update(.key(.escape))
        _ = type("d", into: &session)
        _ = session.update(.key(.character("\t")))
        #expect(session.lineText == "d" && session.candidates == ["drop", "duplicate"])
    }

    @Test("a bad command leaves the sandbox as it was and keeps the command to show its column")
    func badCommand() throws {
        var session = SandboxSession(sandbox: try freshSandbox(), language: .en)
        let before = session.sandbox.timeline
        _ = type("A lisen", into: &session)
        _ = session.update(.key(.enter))
        #expect(
            session.outcome == .problem(column: 3, message: session.problemMessage ?? LocalizedText(en: "", zh: "")))
        #expect(session.lastCommand == "A lisen" && session.sandbox.timeline == before)
    }

    @Test("save asks for the lesson to be written; a failed write is kept to be shown")
    func save() throws {
        var session = SandboxSession(sandbox: try freshSandbox(), language: .en)
        _ = type("B listen", into: &session)
        _ = session.update(.key(.enter))
        _ = type("save out.lesson", into: &session)
        let effects = session.update(.key(.enter))
        guard case .writeLesson(let path, let text)? = effects.first else {
            Issue.record("no write: \(effects)")
            return
        }
        #expect(path == "out.lesson" && text.contains("\nB listen\n  en:\n  zh:\nexpect A CLOSED, B LISTEN\n"))
        _ = session.update(.failed(effects[0], reason: "cannot save the lesson to out.lesson: Permission denied"))
        #expect(session.saveFailure == "cannot save the lesson to out.lesson: Permission denied")
        // The save failed: quit says the steps are not saved, once; quit again leaves.
        _ = type("quit", into: &session)
        #expect(session.update(.key(.enter)) == [] && session.warnedUnsaved)
        _ = type("quit", into: &session)
        #expect(session.update(.key(.enter)) == [.quit])
        #expect(session.update(.key(.interrupt)) == [.quit])
    }

    @Test("quit leaves at once with nothing typed or everything saved; otherwise it warns once")
    func quitAfterSave() throws {
        var session = SandboxSession(sandbox: try freshSandbox(), language: .en)
        func run(_ command: String) -> [Effect] {
            _ = type(command, into: &session)
            return session.update(.key(.enter))
        }
        #expect(run("quit") == [.quit])
        _ = run("B listen")
        _ = run("save a.lesson")
        #expect(run("quit") == [.quit])
        _ = run("A connect")
        #expect(run("quit") == [] && session.warnedUnsaved)
        // Another command in between: the next quit warns again.
        _ = run("undo")
        #expect(!session.warnedUnsaved)
        #expect(run("quit") == [] && session.warnedUnsaved)
        #expect(run("quit") == [.quit])
    }
}

extension SandboxSession {
    var problemMessage: LocalizedText? {
        if case .problem(_, let message) = outcome { return message }
        return nil
    }
}
