import TutorSession

/// Carries out the effects that write to disk, for the runtime and the plain loops: the sessions ask for a
/// write (`Effect`), this does it, and a write that fails comes back as `Message.failed` so that the session
/// tells the student and keeps what was not written.
public struct StorageEffects {
    /// Where progress goes; nil writes no progress (a capture is not part of the curriculum).
    public var progress: ProgressStore?

    public init(progress: ProgressStore? = nil) {
        self.progress = progress
    }

    /// Performs `effect` if it writes something; the failure as a message, or nil.
    public func perform(_ effect: Effect) -> Message? {
        switch effect {
        case .saveProgress(let book):
            guard let progress else { return nil }
            do {
                try progress.save(book)
            } catch {
                return .failed(effect, reason: "\(error)")
            }
            return nil
        case .quit:
            return nil
        }
    }
}
