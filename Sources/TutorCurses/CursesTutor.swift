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
        var quickEmptyReads = 0
        while true {
            if let signal = exitSignal() {
                if progressDirty { saveProgress(session.progress) }
                return .signal(signal)
            }
            let loading = background.map { !$0.isFinished } ?? false
            let timeout = session.isAnimating ? Self.tickTimeout : loading ? Self.loadingTimeout : Self.idleTimeout
            let started = monotonicMilliseconds()
            let input = screen.read(timeout: timeout)
            if loading, let background {
                // A key acts on the lessons as they will be, so it waits for the rest to load.
                let loaded = input == nil ? background.poll() : background.finish()
                for lesson in loaded { session.replaceLesson(at: lesson.index, with: lesson.entry) }
                if !loaded.isEmpty, input == nil { draw() }
            }
            guard let input else {
                if exitSignal() != nil { continue }
                // A read that fails at once, again and again, means the terminal is gone.
                quickEmptyReads = monotonicMilliseconds() - started < Int(timeout) / 2 ? quickEmptyReads + 1 : 0
                if quickEmptyReads > 20, cn_input_hung_up() != 0 {
                    if progressDirty { saveProgress(session.progress) }
                    return .hangUp
                }
                if session.isAnimating {
                    _ = session.update(.tick)
                    draw()
                }
                if progressDirty {
                    saveProgress(session.progress)
                    progressDirty = false
                }
                continue
            }
            quickEmptyReads = 0
            switch input {
            case .ignored:
                continue
            case .resize:
                screen.invalidate(clearTerminal: true)
                draw()
                continue
            case .redraw:
                screen.invalidate(clearTerminal: true)
                draw()
                continue
            case .key(let key):
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

    private func exitSignal() -> Int32? {
        let signal = cn_exit_signal()
        return signal == 0 ? nil : signal
    }
}

/// Milliseconds on a clock that never jumps.
func monotonicMilliseconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
}
