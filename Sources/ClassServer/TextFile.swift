import Foundation

/// Reading the small text files the server is given (roster, keys).
enum TextFile {
    static func read(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// The file's lines, a Windows line end taken as a line end (in a `String`, "\r\n" is one `Character`, so
    /// splitting at "\n" alone would not cut there).
    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
    }
}
