#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the full-screen tutor cannot run here, worded for the student.
public enum TerminalProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case inputNotATerminal
    case outputNotATerminal
    case dumbTerminal
    case noTerminalType
    case unknownTerminal(String)
    case notUTF8(codeset: String)

    public var description: String {
        switch self {
        case .inputNotATerminal: "standard input is not a terminal"
        case .outputNotATerminal: "standard output is not a terminal"
        case .dumbTerminal: "TERM=dumb cannot move the cursor"
        case .noTerminalType: "TERM is not set"
        case .unknownTerminal(let name): "the terminal type '\(name)' is unknown to ncurses"
        case .notUTF8(let codeset): "the locale's character set is \(codeset), not UTF-8 (try LANG=C.UTF-8)"
        }
    }

    /// Whether the plain line-by-line mode can run instead.
    public var plainModeHelps: Bool {
        switch self {
        case .inputNotATerminal, .outputNotATerminal, .dumbTerminal, .noTerminalType, .unknownTerminal: true
        case .notUTF8: false
        }
    }

    /// The first reason the full screen cannot be used with this environment, checked before ncurses starts.
    public static func check(environment: [String: String]) -> TerminalProblem? {
        if isatty(STDIN_FILENO) == 0 { return .inputNotATerminal }
        if isatty(STDOUT_FILENO) == 0 { return .outputNotATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { return .noTerminalType }
        if term == "dumb" { return .dumbTerminal }
        return nil
    }
}
