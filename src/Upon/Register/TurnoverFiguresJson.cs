using System.Text.Json;
using System.Text.Json.Serialization;
using Upon.Core.Register;

namespace Upon.Register;

/// <summary>The turnover figures' JSON (camelCase, as <see cref="TurnoverReport.Json"/>) generated at build time, for the figures kept between runs of the command line.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<TurnoverFigures>))]
public sealed partial class TurnoverFiguresJson : JsonSerializerContext;
