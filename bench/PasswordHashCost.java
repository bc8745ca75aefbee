import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * How long one bcrypt check takes at each cost on this machine: the figure docs/security.md quotes, and the one hash
 * that bench/sign-ins-and-reads.sh divides the cores by. Arguments: checks per cost (20), then the costs (10 11 12).
 */
public class PasswordHashCost {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int[] costs = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {10, 11, 12};
        for (int cost : costs) {
            BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(cost);
            String hash = encoder.encode("correct horse battery");
            for (int i = 0; i < 3; i++) {
                encoder.matches("correct horse battery", hash); // warm-up
            }
            long[] times = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                encoder.matches("correct horse battery", hash);
                times[i] = System.nanoTime() - start;
            }
            java.util.Arrays.sort(times);
            System.out.printf("bcrypt cost %d: median %.1f ms, min %.1f ms, max %.1f ms (%d checks)%n",
                    cost, times[rounds / 2] / 1e6, times[0] / 1e6, times[rounds - 1] / 1e6, rounds);
        }
    }
}
