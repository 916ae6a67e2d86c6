import NIOConcurrencyHelpers

/// Failed logins, counted per student id and per address: after `limit` failures within `window`, that id (from
/// anywhere) and that address (for any id) are refused without a try until the oldest failure is `window` old,
/// so that a roster's passwords cannot be guessed at the speed of the network.
final class LoginLimiter: Sendable {
    let limit: Int
    let window: Duration
    private let failures = NIOLockedValueBox([String: [ContinuousClock.Instant]]())

    init(limit: Int = 5, window: Duration = .seconds(60)) {
        self.limit = limit
        self.window = window
    }

    /// The keys one attempt counts under.
    static func keys(id: String, address: String) -> [String] { ["id " + id, "address " + address] }

    /// Whether an attempt for `id` from `address` is refused now, and for how long still.
    func blocked(id: String, address: String, now: ContinuousClock.Instant = .now) -> Duration? {
        failures.withLockedValue { failures in
            var longest: Duration?
            for key in Self.keys(id: id, address: address) {
                let recent = (failures[key] ?? []).filter { now - $0 < window }
                failures[key] = recent.isEmpty ? nil : recent
                if recent.count >= limit, let oldest = recent.first {
                    let left = window - (now - oldest)
                    longest = max(longest ?? left, left)
                }
            }
            return longest
        }
    }

    /// Counts a failed attempt. Past `keysKept` ids and addresses, the ones with no failure left in the window
    /// are forgotten, so that tries with ever new names cannot fill the memory.
    func failed(id: String, address: String, now: ContinuousClock.Instant = .now) {
        failures.withLockedValue { failures in
            for key in Self.keys(id: id, address: address) { failures[key, default: []].append(now) }
            if failures.count > Self.keysKept {
                failures = failures.filter { _, times in times.contains { now - $0 < window } }
            }
        }
    }

    static let keysKept = 10_000
}
