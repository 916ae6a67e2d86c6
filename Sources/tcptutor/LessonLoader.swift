import Dispatch
import LessonKit
import TutorCurses
import TutorSession

/// Parses and runs lesson files on a background thread, so the menu can be drawn before they are all ready:
/// an event source of the full-screen runtime, whose lessons arrive as `Message.lessonLoaded`.
final class LessonLoader: EventSource, @unchecked Sendable {
    /// Serialises every access to `ready`, `remaining` and `handedOver` (Dispatch, not Foundation's locks: the
    /// tutor does not link Foundation, which would add milliseconds to the first frame).
    private let access = DispatchQueue(label: "tcptutor.lesson-loader")
    /// Left when every file is done.
    private let allDone = DispatchGroup()
    private var ready: [Message] = []
    private var remaining: Int
    private var handedOver = false
    private let files: [String]

    /// Prepares to load `files`; entry `index` of the menu is replaced when file `index` is done.
    init(files: [String]) {
        self.files = files
        remaining = files.count
    }

    func start() {
        let files = files
        allDone.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            for (index, file) in files.enumerated() {
                let entry = LessonCatalog.entry(file)
                access.sync {
                    ready.append(.lessonLoaded(index: index, entry: entry))
                    remaining -= 1
                }
            }
            allDone.leave()
        }
    }

    var isActive: Bool {
        access.sync { !handedOver }
    }

    func poll() -> [Message] {
        access.sync { takeReady() }
    }

    /// Every lesson: a key acts on the menu as it will be.
    func messagesBeforeKey() -> [Message] {
        guard isActive else { return [] }
        allDone.wait()
        return access.sync { takeReady() }
    }

    /// Hands over what is ready; runs on `access`.
    private func takeReady() -> [Message] {
        let messages = ready
        ready.removeAll()
        if remaining == 0 { handedOver = true }
        return messages
    }
}
