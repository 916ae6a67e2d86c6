import ArgumentParser
import CaptureKit
import CaptureLessons

/// `tcptutor replay FILE [--stream N] --to-lesson [-o FILE.lesson]`: one captured connection written as a lesson,
/// proven on the engine before it is written, so an instructor can teach from their own traffic.
extension ReplayCommand {
    func validateLessonOptions() throws {
        if output != nil, !toLesson {
            throw ValidationError("--output writes the lesson of --to-lesson; add --to-lesson")
        }
        guard toLesson else { return }
        // The narration quotes the capture's absolute numbers: a relative lesson would contradict it.
        let others = [
            (list, "--list"), (quiz, "--quiz"), (format != nil, "--format"), (explain, "--explain"),
            (relative, "--relative"),
        ]
        if let (_, name) = others.first(where: { $0.0 }) {
            throw ValidationError("--to-lesson writes a lesson; it does not combine with \(name)")
        }
    }

    func writeLesson(_ reader: CaptureReader) throws {
        let result = try analyse(reader)
        let connections = result.listing.connections
        // A lesson is one connection: with several, the user chooses, from the list, rather than get the first.
        if stream == nil, connections.count > 1 {
            printError(
                "tcptutor: \(file) holds \(connections.count) TCP connections; a lesson is made from one: "
                    + "choose it with --stream N")
            for connection in connections {
                printError(
                    "  \(connection.stream): \(connection.hostA) → \(connection.hostB), \(connection.packets) packets, "
                        + "\(connection.opening.text), \(connection.closing.text)")
            }
            throw ExitCode(1)
        }
        guard let replay = result.replay else {
            printError(noStream(result.listing))
            throw ExitCode(1)
        }
        let lesson: CaptureLesson
        do {
            lesson = try CaptureLesson.make(from: replay, file: file, streams: connections.count, saveAs: output)
        } catch {
            printError("tcptutor: stream \(replay.connection.stream) of \(file) cannot become a lesson: \(error)")
            throw ExitCode(1)
        }
        for warning in lesson.diagnostics { printError(warning.description) }
        guard let output else { return writeOut(Array(lesson.text.utf8)) }
        do {
            try OutputFile.save(lesson.text, to: output)
        } catch {
            printError("tcptutor: \(error)")
            throw ExitCode(1)
        }
    }
}
