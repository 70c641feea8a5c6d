package org.newspipeline.query.web;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.time.Duration;
import java.util.List;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver), or the reason there is none.
 * Selenium is pointed at the installed driver so that it never tries to download one.
 */
final class Browser {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {
    }

    /** @return why no browser can run here, or null when one can */
    static String missing() {
        if (find(BROWSERS) == null) {
            return "skipped: no Chromium here (apt-get install chromium chromium-driver; .ci/run installs them)";
        }
        if (find(DRIVERS) == null) {
            return "skipped: no chromedriver here (apt-get install chromium-driver)";
        }
        return null;
    }

    static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(find(BROWSERS));
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(find(DRIVERS)))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static String find(List<String> paths) {
        return paths.stream().filter(p -> new File(p).canExecute()).findFirst().orElse(null);
    }
}
