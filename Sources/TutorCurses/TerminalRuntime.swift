import CNCurses
import TutorSession
import TutorUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one full-screen runtime: runs any `FullScreenApp` (the tutor, the presenter, the quiz, the exam) on the
/// terminal until it quits or a signal asks it to stop, and restores the terminal however the run ends.
///
/// Messages come from the keyboard (`TerminalEvents`), from the clock (animation ticks, the wall time for
/// screens that show one) and from the `sources`; the app's effects other than quitting are handed to
/// `perform`, whose answer (a write that failed) goes back to the app as a message.
public struct TerminalRuntime {
    /// How the run ended.
    public enum Ending: Hashable, Sendable {
        case quit
        /// SIGINT, SIGTERM or SIGHUP arrived; the terminal is restored and pending effects carried out.
        case signal(Int32)
        /// The terminal went away.
        case hangUp
    }

    public var environment: [String: String]
    /// Draw lines with ASCII instead of the terminal's line-drawing set.
    public var asciiLines = false
    /// A key that makes the program crash on purpose, to test that a crash restores the terminal.
    public var crashKey: Character?
    /// Where messages other than keys and ticks come from (lessons loading, later a class link).
    public var sources: [any EventSource] = []
    /// Carries out an effect (saving progress, writing an exam log); returns the message that tells the app it
    /// failed, or nil. Effects that may wait (`Effect.mayWait`) are performed when the student is idle.
    public var perform: (Effect) -> Message? = { _ in nil }

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Idle wait between reads; also how often a waiting save is written and signals are seen.
    static let idleTimeout: Int32 = 200
    /// Time between animation ticks.
    static let tickTimeout: Int32 = 30
    /// How often an active source is polled.
    static let sourceTimeout: Int32 = 5

    /// Runs `app` on the terminal; returns how it ended with the terminal already restored.
    public func run<App: FullScreenApp>(_ app: inout App) throws(TerminalProblem) -> Ending {
        if let problem = TerminalProblem.check(environment: environment) { throw problem }
        try TerminalLocale.prepare()
        let screen = try CursesScreen(environment: environment, asciiLines: asciiLines)
        defer { screen.end() }
        func draw() { screen.paint(app.render(size: screen.size)) }
        draw()
        for source in sources { source.start() }
        var effects = EffectRunner(perform: perform)
        var events = TerminalEvents(screen: screen)
        while true {
            let polling = sources.contains { $0.isActive }
            let timeout = app.isAnimating ? Self.tickTimeout : polling ? Self.sourceTimeout : Self.idleTimeout
            switch events.next(timeout: timeout, redraw: draw) {
            case .stop(let ending):
                effects.performWaiting(on: &app)
                return ending
            case .idle:
                var messages = sources.flatMap { $0.poll() }
                if app.isAnimating { messages.append(.tick) }
                if app.showsClock { messages.append(.time(WallClock.now())) }
                guard !messages.isEmpty else {
                    // A save that failed changes the screen (the app says so): shown without waiting for a key.
                    if effects.performWaiting(on: &app) { draw() }
                    continue
                }
                if effects.deliver(messages, to: &app) { return .quit }
                draw()
                if effects.performWaiting(on: &app) { draw() }
            case .key(let key):
                // A key acts on what the sources will have brought (every lesson loaded), so it waits for them.
                var messages = sources.flatMap { $0.messagesBeforeKey() }
                if let crashKey, key == .character(crashKey) {
                    fatalError("crash requested with the test crash key")
                }
                if app.showsClock { messages.append(.time(WallClock.now())) }
                messages.append(.key(key))
                let quits = effects.deliver(messages, to: &app)
                draw()
                if quits { return .quit }
            }
        }
    }
}

/// Carries out the effects of updates for the runtime: effects that may wait are kept (the latest of each
/// kind) until the student is idle or the run ends; the others are performed at once, before the next key is
/// read, and a failure goes back to the app as a message.
struct EffectRunner {
    let perform: (Effect) -> Message?
    private var waiting: [Effect] = []

    init(perform: @escaping (Effect) -> Message?) {
        self.perform = perform
    }

    /// Updates `app` with each message and handles the effects; true when the app asked to quit, and then the
    /// effects that were waiting have been carried out too, whichever event the quit came from (a key, or a
    /// source's message such as the class ending): the run ends with nothing the app asked for left undone.
    mutating func deliver<App: FullScreenApp>(_ messages: [Message], to app: inout App) -> Bool {
        var queue = messages[...]
        var quits = false
        while let message = queue.popFirst() {
            for effect in app.update(message) {
                if effect == .quit {
                    quits = true
                } else if effect.mayWait {
                    waiting.removeAll { $0.isSameKind(as: effect) }
                    waiting.append(effect)
                } else if let failure = perform(effect) {
                    queue.append(failure)
                }
            }
        }
        if quits { performWaiting(on: &app) }
        return quits
    }

    /// Performs the effects that were waiting; a failure goes to the app. Returns whether one failed.
    @discardableResult
    mutating func performWaiting<App: FullScreenApp>(on app: inout App) -> Bool {
        let effects = waiting
        waiting.removeAll()
        let failures = effects.compactMap(perform)
        if !failures.isEmpty { _ = deliver(failures, to: &app) }
        return !failures.isEmpty
    }
}

/// The process's locale, made to speak UTF-8 for ncursesw.
public enum TerminalLocale {
    /// Sets the locale from the environment and makes sure it speaks UTF-8 (trying C.UTF-8 when it does not).
    public static func prepare() throws(TerminalProblem) {
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
}
