import CNCurses
import TutorSession
import TutorUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a session full screen until the student quits or a signal asks us to stop.
public struct CursesTutor {
    /// How the run ended.
    public enum Ending: Hashable, Sendable {
        case quit
        /// SIGINT, SIGTERM or SIGHUP arrived; the terminal is restored and progress saved.
        case signal(Int32)
        /// The terminal went away.
        case hangUp
    }

    public var environment: [String: String]
    /// Draw lines with ASCII instead of the terminal's line-drawing set.
    public var asciiLines = false
    /// A key that makes the program crash on purpose, to test that a crash restores the terminal.
    public var crashKey: Character?
    /// Called when the progress book should be written (after the screen is up to date, when idle).
    public var saveProgress: (ProgressBook) -> Void
    /// Work still going on after the first frame (lessons loading); a key waits for it to finish.
    public var background: (any BackgroundLessons)?

    public init(environment: [String: String], saveProgress: @escaping (ProgressBook) -> Void) {
        self.environment = environment
        self.saveProgress = saveProgress
    }

    /// Sets the locale from the environment and makes sure it speaks UTF-8 (trying C.UTF-8 when it does not).
    public static func prepareLocale() throws(TerminalProblem) {
        setlocale(LC_ALL, "")
        if isUTF8(String(cString: cn_codeset())) { return }
        let original = String(cString: cn_codeset())
        if setlocale(LC_ALL, "C.UTF-8") != nil, isUTF8(String(cString: cn_codeset())) { return }
        throw .notUTF8(codeset: original)
    }

    private static func isUTF8(_ codeset: String) -> Bool {
        let normalized = codeset.uppercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "UTF8"
    }

    /// Idle wait between reads; also how often progress is written after a change and signals are seen.
    static let idleTimeout: Int32 = 200
    /// Time between animation ticks.
    static let tickTimeout: Int32 = 30
    /// How often lessons loading in the background are picked up.
    static let loadingTimeout: Int32 = 5

    /// Runs `session` on the terminal; returns how it ended with the terminal already restored.
    public func run(_ session: inout TutorSession) throws(TerminalProblem) -> Ending {
        if let problem = TerminalProblem.check(environment: environment) { throw problem }
        try Self.prepareLocale()
        let screen = try CursesScreen(environment: environment, asciiLines: asciiLines)
        defer { screen.end() }
        var progressDirty = false
        func draw() { screen.paint(ScreenRenderer.render(session, size: screen.size)) }
        draw()
        background?.start()
        var events = TerminalEvents(screen: screen)
        while true {
            let loading = background.map { !$0.isFinished } ?? false
            let timeout = session.isAnimating ? Self.tickTimeout : loading ? Self.loadingTimeout : Self.idleTimeout
            switch events.next(timeout: timeout, redraw: draw) {
            case .stop(let ending):
                if progressDirty { saveProgress(session.progress) }
                return ending
            case .idle:
                if loading, let background {
                    let loaded = background.poll()
                    for lesson in loaded { session.replaceLesson(at: lesson.index, with: lesson.entry) }
                    if !loaded.isEmpty { draw() }
                }
                if session.isAnimating {
                    _ = session.update(.tick)
                    draw()
                }
                if progressDirty {
                    saveProgress(session.progress)
                    progressDirty = false
                }
            case .key(let key):
                if loading, let background {
                    // A key acts on the lessons as they will be, so it waits for the rest to load.
                    for lesson in background.finish() { session.replaceLesson(at: lesson.index, with: lesson.entry) }
                }
                if let crashKey, key == .character(crashKey) {
                    fatalError("crash requested with the test crash key")
                }
                let effects = session.update(.key(key))
                draw()
                for effect in effects {
                    switch effect {
                    case .saveProgress: progressDirty = true
                    case .bell: break
                    case .quit:
                        saveProgress(session.progress)
                        return .quit
                    }
                }
            }
        }
    }
}
