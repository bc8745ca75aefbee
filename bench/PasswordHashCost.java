import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** How long one bcrypt check takes at each cost on this machine: the figure docs/security.md quotes. */
public class PasswordHashCost {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        for (int cost : new int[] {10, 11, 12}) {
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
