/* Fixture for Qdcnn.BindingsGenerator.Tests: one of each construct the generator binds. */
#ifndef FIX_FIXTURE_H
#define FIX_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#define FIX_API __attribute__((visibility("default")))

/** Version of the fixture. */
#define FIX_VERSION 7
#define FIX_HEX_LIMIT 0x10
#define FIX_NEGATIVE (-3)

/** How a call ended. */
typedef enum fix_result {
  FIX_RESULT_OK = 0,
  /** Something was wrong. */
  FIX_RESULT_BAD_THING = 5,
  FIX_RESULT_WORSE = 99
} fix_result;

typedef enum fix_color { FIX_RED = 1, FIX_DARK_BLUE = 2 } fix_color;

/** An opaque widget. */
typedef struct fix_widget fix_widget;

/**
 * Makes a widget.
 * @param size   bytes to reserve.
 * @param widget receives the new widget.
 */
FIX_API fix_result fix_widget_create(size_t size, fix_widget** widget);

FIX_API fix_result fix_widget_name(const fix_widget* widget, const char** name);

FIX_API const char* fix_version_text(void);

FIX_API void fix_fill(fix_widget* widget, int64_t offset, uint64_t* out, size_t out_length, double scale,
                      float weight, int32_t params, fix_color color, uint8_t* bytes);

#endif
