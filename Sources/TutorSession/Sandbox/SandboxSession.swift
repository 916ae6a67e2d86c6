import LessonKit
import TimelineKit

/// The sandbox on the full screen, as a value: the sandbox, the command line being typed, the last command's
/// outcome, and what the screen shows (TCBs, language, help). `update(Message) -> [Effect]` like every session.
public struct SandboxSession: Sendable {
    public private(set) var sandbox: Sandbox
    /// The command line being typed, and its cursor (0-based, up to `line.count`).
    public private(set) var line: [Character] = []
    public private(set) var cursor = 0
    /// The last command run, and what it did.
    public private(set) var lastCommand = ""
    public private(set) var outcome: Sandbox.Outcome = .nothing
    /// The words that fit after a Tab that could not choose.
    public private(set) var candidates: [String] = []
    public private(set) var showsTCB = false
    public private(set) var language: Language
    public private(set) var showsHelp = false
    /// Why the last `save` failed, if it did.
    public private(set) var saveFailure: String?
    /// Steps run or undone so far, and that count at the last save asked for (and before it, for a save that fails).
    private var changes = 0
    private var savedAt = 0
    private var savedBefore = 0
    /// `quit` with steps not saved says so once; `quit` again leaves (Ctrl-C always leaves at once).
    public private(set) var warnedUnsaved = false
    /// The commands typed, for Up and Down; `recalled` is the one on the line.
    private var typed: [String] = []
    private var recalled: Int?

    public init(sandbox: Sandbox, language: Language) {
        self.sandbox = sandbox
        self.language = language
    }

    public var lineText: String { String(line) }

    public mutating func update(_ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            return press(key)
        case .failed(let effect, let reason):
            if case .writeLesson = effect {
                saveFailure = reason
                savedAt = savedBefore
            }
            return []
        case .tick, .time, .lessonLoaded, .classroom, .classStep:
            return []
        }
    }

    private mutating func press(_ key: Key) -> [Effect] {
        if showsHelp {
            showsHelp = false
            if !HelpClosing.keyActsAfterClosing(key) { return [] }
        }
        guard let action = SandboxKeys.action(for: key, lineIsEmpty: line.isEmpty) else {
            if case .character(let character) = key, !character.isASCII || !character.asciiValue!.isControl {
                line.insert(character, at: cursor)
                cursor += 1
                candidates = []
            }
            return []
        }
        switch action {
        case .run: return run()
        case .complete:
            let completion = SandboxCompletion.complete(String(line[..<cursor]), choices: sandbox.choices)
            line = Array(completion.line) + line[cursor...]
            cursor = completion.line.count
            candidates = completion.candidates
        case .clear: setLine("")
        case .earlier: recall(by: -1)
        case .later: recall(by: 1)
        case .left: cursor = max(cursor - 1, 0)
        case .right: cursor = min(cursor + 1, line.count)
        case .home: cursor = 0
        case .end: cursor = line.count
        case .deleteBackward:
            if cursor > 0 {
                line.remove(at: cursor - 1)
                cursor -= 1
            }
        case .deleteForward: if cursor < line.count { line.remove(at: cursor) }
        case .quit: return [.quit]
        case .tcb: showsTCB.toggle()
        case .language: language = language == .en ? .zh : .en
        case .help: showsHelp = true
        }
        return []
    }

    private mutating func run() -> [Effect] {
        let command = lineText
        if !command.allSatisfy({ $0 == " " }) { typed.append(command) }
        setLine("")
        lastCommand = command
        saveFailure = nil
        let warned = warnedUnsaved
        warnedUnsaved = false
        outcome = sandbox.execute(command)
        switch outcome {
        case .quit:
            if warned || !hasUnsavedSteps { return [.quit] }
            warnedUnsaved = true
        case .help: showsHelp = true
        case .save(let path, let text):
            savedBefore = savedAt
            savedAt = changes
            return [.writeLesson(path: path, text: text)]
        case .stepped, .undone: changes += 1
        case .nothing, .nothingToUndo, .problem, .refused: break
        }
        return []
    }

    /// Whether steps were typed (or undone) since the last save: `quit` then warns once before leaving.
    public var hasUnsavedSteps: Bool { changes != savedAt && sandbox.typedSteps > 0 }

    private mutating func setLine(_ text: String) {
        line = Array(text)
        cursor = line.count
        candidates = []
        recalled = nil
    }

    private mutating func recall(by offset: Int) {
        guard !typed.isEmpty else { return }
        let index = min(max((recalled ?? typed.count) + offset, 0), typed.count)
        setLine(index == typed.count ? "" : typed[index])
        recalled = index == typed.count ? nil : index
    }
}

extension UInt8 {
    /// A control character (Ctrl-letters, Delete), which types nothing.
    fileprivate var isControl: Bool { self < 0x20 || self == 0x7f }
}
