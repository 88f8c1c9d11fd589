def print_report(command, report):
    """An import's counts, then each failed item and warning, on the command's output."""
    style = command.style.ERROR if report.error else command.style.SUCCESS
    command.stdout.write(style(report.summary()))
    for item in report.failed:
        command.stdout.write(f"  failed: {item.label}: {item.reason}")
    for warning in report.warnings:
        command.stdout.write(f"  warning: {warning}")
